import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authorize, can, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

const permissions = Object.keys(PERMISSIONS) as Permission[];
const inWorkspace = (role: Role, id = "ws-a") => ({ role, workspace: { id } });

/** Who may do what, written out: a change to a permission's role has to change this table too. */
const OWNERS_ONLY: Permission[] = [
  "workspace.time-zone",
  "team.manage-members",
  "team.invite",
  "team.revoke-invitation",
  "team.decide-access",
  "api-token.create",
  "api-token.revoke",
  "app.delete",
  "app.client-secret",
  "gateway.settings",
  "gateway.reveal-secret",
  "webhook.manage",
  "customers.erase",
  "crm.connect",
  "crm.settings",
];

describe("permissions", () => {
  it("gives viewers reading only, editors the work on apps, owners everything", () => {
    for (const permission of permissions) {
      const needs: Role =
        permission === "workspace.read" ? "VIEWER" : OWNERS_ONLY.includes(permission) ? "OWNER" : "EDITOR";
      expect(PERMISSIONS[permission].role, permission).toBe(needs);
      expect(can(inWorkspace("OWNER"), permission), permission).toBe(true);
      expect(can(inWorkspace("EDITOR"), permission), permission).toBe(needs !== "OWNER");
      expect(can(inWorkspace("VIEWER"), permission), permission).toBe(needs === "VIEWER");
    }
  });

  it("answers no for another workspace's thing, whatever the role", () => {
    for (const role of ROLES) {
      expect(can(inWorkspace(role), "workspace.read", { workspaceId: "ws-b" })).toBe(false);
      expect(can(inWorkspace(role), "workspace.read", { workspaceId: "ws-a" })).toBe(true);
    }
    expect(can(inWorkspace("OWNER"), "app.delete", { workspaceId: "ws-b" })).toBe(false);
  });

  it("refuses with 403 and the permission's own words", () => {
    for (const permission of permissions.filter((p) => PERMISSIONS[p].role !== "VIEWER")) {
      const refusal = (() => {
        try {
          authorize(inWorkspace("VIEWER"), permission);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal, permission).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe("FORBIDDEN");
      expect((refusal as AppError).message).toBe(PERMISSIONS[permission].denied);
    }
    expect(() => authorize(inWorkspace("OWNER"), "app.delete", { workspaceId: "ws-a" })).not.toThrow();
  });

  const sources = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "app", "lib", "components"],
    {
      encoding: "utf8",
    },
  )
    .split("\n")
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith("lib/generated/"))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));

  it("is the only place that compares roles", () => {
    const comparing = sources.filter(
      ({ file, text }) =>
        !file.startsWith("lib/team/") && /\bhasRole\(|\brole\s*[!=]==\s*"(OWNER|EDITOR|VIEWER)"/.test(text),
    );
    expect(comparing.map((s) => s.file)).toEqual([]);
  });

  it("has no permission that nothing asks for", () => {
    const elsewhere = sources
      .filter(({ file }) => file !== "lib/team/permissions.ts")
      .map((s) => s.text)
      .join("\n");
    expect(permissions.filter((p) => p !== "workspace.read" && !elsewhere.includes(`"${p}"`))).toEqual([]);
  });
});

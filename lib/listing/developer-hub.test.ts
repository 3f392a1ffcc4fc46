import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { createOwner } from "@/lib/test/members";

setupTestDatabase();
process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "handoff-files-"));
const { db } = await import("@/lib/db");
const { seedDemo } = await import("@/prisma/seed-data");
const hub = { ...(await import("./developer-hub")), ...(await import("./developer-hub-media")) };
const { getDraft, saveDraft } = await import("./drafts");

let owner: Member;
let appId: string;

beforeAll(async () => {
  const { workspaceId } = await seedDemo(db, process.env.STORAGE_DIR!);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const alice = await db.user.findFirstOrThrow({ where: { pipedriveUserId: 101 } });
  owner = {
    user: { id: alice.id, name: alice.name, email: null, image: null },
    workspace: {
      id: workspace.id,
      name: workspace.name,
      domain: workspace.domain,
      pipedriveCompanyId: workspace.pipedriveCompanyId,
    },
    role: "OWNER",
  };
  appId = (await db.app.findFirstOrThrow({ where: { name: "QuoteFlow" } })).id;
});

describe("Copy to Developer Hub", () => {
  it("follows Developer Hub's tabs, names scopes as it does, and compares with the recorded submission", async () => {
    const view = await hub.developerHubView(owner, appId);
    expect(view.sections.map((s) => s.label)).toEqual([
      "Basic info",
      "OAuth & access scopes",
      "App extensions",
      "General info",
      "Installation",
      "Support & legal",
      "Review info",
    ]);
    expect(view.submission).toMatchObject({ versionNumber: 1 });
    const oauth = view.sections[1]!;
    expect(oauth.fields[0]!.text).toBe(
      "Access to basic information\nDeals: Full access\nProducts: Read only\nContacts: Read only",
    );
    expect(oauth.scopes!.map((s) => s.name)).toEqual([
      "Access to basic information",
      "Deals: Full access",
      "Products: Read only",
      "Contacts: Read only",
    ]);
    const fields = Object.fromEntries(view.sections.flatMap((s) => s.fields).map((f) => [f.id, f]));
    expect(fields.summary).toMatchObject({
      changed: false,
      count: fields.summary!.text.length,
      limit: 150,
      required: true,
    });
    expect(fields.description!.html).toContain("<li>Quotes built from the deal's products, prices and discounts</li>");
    expect(fields.description!.text).toContain(
      "• Quotes built from the deal's products, prices and discounts\n• Open and signature tracking",
    );
    expect(fields.description!.text).not.toMatch(/\*\*|\[our pricing\]/);
    expect(fields["features.0.name"]).toMatchObject({
      text: "Quote panel",
      limit: 30,
      label: "Extension 1 (Custom UI panel): name",
    });
  });

  it("marks what changed since the submission", async () => {
    const draft = await getDraft(owner, appId);
    await saveDraft(owner, appId, {
      revision: draft.revision,
      data: { ...draft.data, summary: "A sharper summary for the next submission." },
    });
    const fields = Object.fromEntries(
      (await hub.developerHubView(owner, appId)).sections.flatMap((s) => s.fields).map((f) => [f.id, f]),
    );
    expect(fields.summary).toMatchObject({ changed: true, text: "A sharper summary for the next submission." });
    expect(fields.appName!.changed).toBe(false);
  });

  it("gives the icon and images in Pipedrive's sizes and formats, one by one or as a zip with where each goes", async () => {
    const { media } = await hub.developerHubView(owner, appId);
    expect(media.map((m) => m.file)).toEqual([
      expect.stringMatching(/^icon-(\d+)x\1\.png$/),
      "listing-image-1-1280x800.png",
      "listing-image-2-1280x800.png",
      "listing-image-3-1280x800.png",
      ...media.slice(4).map((m) => expect.stringMatching(/^onboarding-\d-720x400\.(png|jpg)$/)),
    ]);
    const zip = await hub.developerHubMedia(owner, appId, "all.zip");
    const files = unzipSync(zip!.data);
    expect(Object.keys(files).sort()).toEqual([...media.map((m) => m.file), "where-each-goes.txt"].sort());
    for (const m of media) {
      const meta = await sharp(Buffer.from(files[m.file]!)).metadata();
      expect([meta.width, meta.height, meta.format], m.file).toEqual([
        m.width,
        m.height,
        m.mime === "image/png" ? "png" : "jpeg",
      ]);
    }
    expect(strFromU8(files["where-each-goes.txt"]!)).toContain(
      "listing-image-1-1280x800.png\tListing image 1, 1280×800 PNG\tA quote built from a deal's products",
    );
    const one = await hub.developerHubMedia(owner, appId, media[1]!.file);
    expect(Buffer.from(one!.data).equals(Buffer.from(files[media[1]!.file]!))).toBe(true);
    expect(await hub.developerHubMedia(owner, appId, "other.png")).toBeNull();
  });

  it("is another workspace's nothing", async () => {
    const stranger = await createOwner(db, 99_123, "Stranger");
    await expect(hub.developerHubView(stranger, appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hub.developerHubMedia(stranger, appId, "all.zip")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

import { describe, expect, it } from "vitest";
import { parseEvents } from "./events-api";

const now = Date.parse("2026-11-28T12:00:00Z");
const ok = {
  id: "e1",
  type: "install",
  company_id: 7,
  user_id: "8",
  occurred_at: "2026-11-28T10:00:00Z",
  scopes: ["base", "deals:read"],
};

describe("parseEvents", () => {
  it("maps a valid event, ids as numbers or numeric strings, scopes as a list or text", () => {
    const { valid, invalid } = parseEvents(
      [ok, { ...ok, id: "e2", type: "uninstall", scopes: "base,deals:read", occurred_at: "2026-11-28T11:00:00+02:00" }],
      now,
    );
    expect(invalid).toEqual([]);
    expect(valid.map((v) => v.event)).toEqual([
      {
        dedupeKey: "api:e1",
        type: "INSTALL",
        companyId: 7,
        userId: 8,
        occurredAt: new Date("2026-11-28T10:00:00Z"),
        scopes: "base deals:read",
        source: "API",
        companyName: null,
        companyDomain: null,
        userName: null,
        userEmail: null,
      },
      {
        dedupeKey: "api:e2",
        type: "UNINSTALL",
        companyId: 7,
        userId: 8,
        occurredAt: new Date("2026-11-28T09:00:00Z"),
        scopes: "base deals:read",
        source: "API",
        companyName: null,
        companyDomain: null,
        userName: null,
        userEmail: null,
      },
    ]);
  });

  it.each([
    [
      { ...ok, type: "installed" },
      "type must be install_started, consent_denied, consent_granted, install or uninstall",
    ],
    [{ ...ok, company_id: "seven" }, "company_id: must be a positive whole number"],
    [{ ...ok, user_id: -1 }, "user_id: must be a positive whole number"],
    [{ ...ok, company_id: "0" }, "company_id: must be a positive whole number"],
    [{ ...ok, company_id: 0 }, "company_id: must be a positive whole number"],
    [{ ...ok, user_id: "99999999999999999999" }, "user_id: must be a positive whole number"],
    [{ ...ok, user_id: 1e20 }, "user_id: must be a positive whole number"],
    [{ ...ok, company_id: 1.5 }, "company_id: must be a positive whole number"],
    [{ ...ok, occurred_at: "yesterday" }, "occurred_at must be an ISO 8601 date and time, e.g. 2026-11-28T10:00:00Z"],
    [{ ...ok, occurred_at: "2026-11-29T10:00:00Z" }, "occurred_at is in the future"],
    [{ ...ok, id: "" }, "id is required"],
    [{ ...ok, extra: 1 }, 'Unrecognized key: "extra"'],
    ["not an object", "Invalid input: expected object, received string"],
    [{ ...ok, scopes: 5 }, "scopes must be text or a list of scope ids"],
    [{ ...ok, user_email: "not-an-email" }, "user_email must be an email address"],
    [{ ...ok, company_name: "x".repeat(201) }, "company_name must be at most 200 characters"],
    [{ ...ok, user_name: 5 }, "user_name must be text"],
  ])("refuses %j: %s", (event, reason) => {
    const { valid, invalid } = parseEvents([event, ok], now);
    expect(valid).toHaveLength(1);
    expect(invalid).toEqual([
      {
        index: 0,
        id: typeof event === "object" && typeof event.id === "string" ? event.id : null,
        status: "invalid",
        reason,
      },
    ]);
  });

  it("keeps the names the partner's backend sends, as sent", () => {
    const named = {
      ...ok,
      company_name: "Acme Ltd",
      company_domain: "acme",
      user_name: "Ann Lee",
      user_email: "ann@acme.test",
    };
    expect(parseEvents([named], now).valid[0]!.event).toMatchObject({
      companyName: "Acme Ltd",
      companyDomain: "acme",
      userName: "Ann Lee",
      userEmail: "ann@acme.test",
    });
  });

  it("accepts a clock up to five minutes ahead", () => {
    expect(parseEvents([{ ...ok, occurred_at: "2026-11-28T12:04:00Z" }], now).valid).toHaveLength(1);
  });

  it("takes only installs and uninstalls for an integration without OAuth", () => {
    const events = ["install_started", "consent_denied", "consent_granted", "install", "uninstall"].map((type, i) => ({
      ...ok,
      id: `t${i}`,
      type,
    }));
    const { valid, invalid } = parseEvents(events, now, { oauth: false });
    expect(valid.map((v) => v.event.type)).toEqual(["INSTALL", "UNINSTALL"]);
    expect(invalid.map((r) => [r.id, r.reason])).toEqual(
      ["t0", "t1", "t2"].map((id) => [
        id,
        "type: an API-token integration has no OAuth consent flow; send install or uninstall",
      ]),
    );
    expect(parseEvents(events, now).valid).toHaveLength(5);
  });
});

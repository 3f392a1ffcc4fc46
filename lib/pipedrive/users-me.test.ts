import { describe, expect, it } from "vitest";
import { parseUsersMe, PipedriveProfileError } from "./users-me";

const full = {
  success: true,
  data: {
    id: 101,
    name: "Alice Novak",
    email: "alice@acme.test",
    company_id: 7001,
    company_name: "Acme Sales Tools",
    company_domain: "acme",
    icon_url: "https://example.com/a.png",
    locale: "en_US",
    is_admin: true,
    timezone_name: "Europe/Tallinn",
  },
};

describe("parseUsersMe", () => {
  it("maps the user and the workspace from a complete payload", () => {
    expect(parseUsersMe(full)).toEqual({
      accountId: "7001:101",
      userId: 101,
      companyId: 7001,
      name: "Alice Novak",
      email: "alice@acme.test",
      image: "https://example.com/a.png",
      locale: "en_US",
      isAdmin: true,
      company: { id: 7001, name: "Acme Sales Tools", domain: "acme" },
      sent: { name: "Alice Novak", companyName: "Acme Sales Tools" },
    });
  });

  it("accepts ids sent as numeric strings and is_admin as 0/1", () => {
    const p = parseUsersMe({ data: { ...full.data, id: "101", company_id: " 7001 ", is_admin: 0 } });
    expect(p.accountId).toBe("7001:101");
    expect(p.isAdmin).toBe(false);
  });

  it("fills missing display fields sensibly", () => {
    const p = parseUsersMe({
      data: {
        id: 5,
        company_id: 9,
        name: "",
        email: "dev@x.test",
        company_name: null,
        company_domain: "xco",
        icon_url: "javascript:alert(1)",
      },
    });
    expect(p.name).toBe("dev");
    expect(p.company.name).toBe("xco");
    expect(p.image).toBeNull();
    expect(p.isAdmin).toBe(false);
    const bare = parseUsersMe({ data: { id: 5, company_id: 9 } });
    expect(bare.name).toBe("Pipedrive user 5");
    expect(bare.company.name).toBe("Pipedrive company 9");
    // What was sent, for places where a made-up label would pass for a real name (the customers).
    expect(bare.sent).toEqual({ name: null, companyName: null });
    expect(bare.email).toBeNull();
  });

  it("keeps names as one line without hidden characters", () => {
    const p = parseUsersMe({
      data: { id: 5, company_id: 9, name: "Ann\u202E nimdA\n", company_name: "\u2066Acme\u200B Tools\u2069\r\nX" },
    });
    expect([p.name, p.company.name]).toEqual(["Ann nimdA", "Acme Tools X"]);
  });

  it("reads admin rights from access[].admin when is_admin is absent (current API versions)", () => {
    const { is_admin: _omitted, ...modern } = full.data;
    expect(
      parseUsersMe({ data: { ...modern, access: [{ app: "sales", admin: true, permission_set_id: "1" }] } }).isAdmin,
    ).toBe(true);
    expect(
      parseUsersMe({ data: { ...modern, access: [{ app: "sales", admin: false, permission_set_id: "2" }] } }).isAdmin,
    ).toBe(false);
    // Admin of another Pipedrive product is not an admin of the sales account.
    expect(
      parseUsersMe({
        data: {
          ...modern,
          access: [
            { app: "projects", admin: true },
            { app: "sales", admin: false },
          ],
        },
      }).isAdmin,
    ).toBe(false);
    expect(parseUsersMe({ data: { ...modern, access: [{ app: "global", admin: 1 }] } }).isAdmin).toBe(true);
  });

  it("prefers access[].admin over a contradicting is_admin, and falls back to is_admin without usable access", () => {
    expect(
      parseUsersMe({ data: { ...full.data, is_admin: 1, access: [{ app: "sales", admin: false }] } }).isAdmin,
    ).toBe(false);
    expect(parseUsersMe({ data: { ...full.data, is_admin: true, access: [] } }).isAdmin).toBe(true);
    expect(
      parseUsersMe({ data: { ...full.data, is_admin: 1, access: [{ app: "sales", permission_set_id: "1" }] } }).isAdmin,
    ).toBe(true);
    expect(parseUsersMe({ data: { ...full.data, is_admin: true, access: "not a list" } }).isAdmin).toBe(true);
  });

  it.each([
    ["no data", { success: false }, /data/],
    ["missing company_id", { data: { id: 1 } }, /company_id/],
    ["non-numeric user id", { data: { id: "abc", company_id: 1 } }, /\bid\b/],
    ["negative id", { data: { id: -3, company_id: 1 } }, /\bid\b/],
    ["not an object", "oops", /data/],
    ["null", null, /data/],
  ])("rejects %s with a clear error", (_label, payload, message) => {
    expect(() => parseUsersMe(payload)).toThrow(PipedriveProfileError);
    expect(() => parseUsersMe(payload)).toThrow(message);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUninstallBody } from "./protocol";

const id = fc.integer({ min: 1, max: 2 ** 31 });
/** The ways Pipedrive (and proxies in between) have been seen to write an id. */
const encoded = (n: number) => fc.constantFrom<unknown>(n, String(n), ` ${n} `);

describe("parseUninstallBody (property)", () => {
  it("reads the company and user from any well-formed body, whatever else it holds", () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.dictionary(
          fc.string().filter((k) => !["company_id", "user_id", "client_id", "timestamp", "__proto__"].includes(k)),
          fc.jsonValue(),
        ),
        (company, user, extra) =>
          fc.assert(
            fc.property(encoded(company), encoded(user), (c, u) => {
              const call = parseUninstallBody(JSON.stringify({ ...extra, company_id: c, user_id: u }));
              expect(call).toMatchObject({ companyId: company, userId: user, clientId: null });
            }),
            { numRuns: 3 },
          ),
      ),
      { numRuns: 200 },
    );
  });

  it("never throws, and never returns an id that is not a positive whole number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ company_id: v, user_id: v })),
        ),
        (body) => {
          const call = parseUninstallBody(body);
          if (call) {
            expect(Number.isSafeInteger(call.companyId) && call.companyId > 0).toBe(true);
            expect(Number.isSafeInteger(call.userId) && call.userId > 0).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

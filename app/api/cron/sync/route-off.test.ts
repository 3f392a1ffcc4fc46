import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/test/db";

setupTestDatabase();
delete process.env.CRON_SECRET;
const { POST } = await import("./route");

describe("POST /api/cron/sync without CRON_SECRET", () => {
  it("answers 503 and says how to turn it on, whatever the header", async () => {
    const res = await POST(
      new Request("http://localhost/api/cron/sync", {
        method: "POST",
        headers: { authorization: "Bearer anything-at-all-000000000000" },
      }),
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: "Scheduled syncs are off: set CRON_SECRET to enable this endpoint",
      },
    });
  });
});

import { expect, test, type Page } from "@playwright/test";
import { installState } from "./db";
import { createApiToken as createToken, createAppInUi, createCompany, hydrated, signIn } from "./fixtures";

const event = (id: string, type = "install", extra: Record<string, unknown> = {}) => ({
  id,
  type,
  company_id: 900,
  user_id: 1,
  occurred_at: "2026-11-20T10:00:00Z",
  scopes: "base",
  ...extra,
});

test("the events API: per-event results, idempotent ids, and every bad input refused clearly", async ({
  page,
  browser,
}) => {
  const [owner] = await createCompany("Spec Events", [{ name: "Eve Events", isAdmin: true }]);
  const [stranger] = await createCompany("Spec Events Other", [{ name: "Oscar Other", isAdmin: true }]);
  await signIn(page, owner!);
  const appId = await createAppInUi(page, "Eventful");
  const token = await createToken(page, "Billing backend");
  const url = `/api/v1/apps/${appId}/events`;
  const post = (data: unknown, auth = `Bearer ${token}`) =>
    page.request.post(url, { data, headers: { authorization: auth } });

  const first = await post({
    events: [
      event("a"),
      event("b", "uninstall", { occurred_at: "2026-11-21T10:00:00Z" }),
      event("c", "teleport"),
      event("d", "install", { occurred_at: "2099-01-01T00:00:00Z" }),
      event("a"),
    ],
  });
  expect(first.status()).toBe(202);
  expect(await first.json()).toEqual({
    accepted: 2,
    duplicates: 1,
    invalid: 2,
    results: [
      { index: 0, id: "a", status: "accepted" },
      { index: 1, id: "b", status: "accepted" },
      {
        index: 2,
        id: "c",
        status: "invalid",
        reason: "type must be install_started, consent_denied, consent_granted, install or uninstall",
      },
      { index: 3, id: "d", status: "invalid", reason: "occurred_at is in the future" },
      { index: 4, id: "a", status: "duplicate" },
    ],
  });
  // The same batch again changes nothing.
  expect(
    (
      await (
        await post({ events: [event("a"), event("b", "uninstall", { occurred_at: "2026-11-21T10:00:00Z" })] })
      ).json()
    ).duplicates,
  ).toBe(2);
  expect(installState(appId).events).toEqual({ "INSTALL/API": 1, "UNINSTALL/API": 1 });

  // Bad requests, each with its status and a clear error.
  const notJson = await page.request.post(url, {
    data: Buffer.from("{oops"),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe("BAD_REQUEST");
  for (const [body, message] of [
    [{}, "events must be a list"],
    [{ events: [] }, "Send at least one event"],
    [{ events: Array.from({ length: 1001 }, (_, i) => event(`x${i}`)) }, "Send at most 1000 events per request"],
    [{ events: "many" }, "events must be a list"],
  ] as const) {
    const res = await post(body);
    expect(res.status()).toBe(422);
    expect((await res.json()).error.message).toBe(message);
  }
  const huge = await page.request.post(url, {
    data: Buffer.alloc(1_100_000, " "),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
  expect(huge.status()).toBe(413);

  // Tokens: missing, malformed, another workspace's (404), revoked.
  expect((await page.request.post(url, { data: { events: [event("z")] } })).status()).toBe(401);
  expect((await post({ events: [event("z")] }, "Bearer nope")).status()).toBe(401);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, stranger!);
  const otherToken = await createToken(other, "Other workspace");
  const foreign = await post({ events: [event("z")] }, `Bearer ${otherToken}`);
  expect(foreign.status()).toBe(404);
  expect((await post({ events: [event("z")] })).status()).toBe(202);

  await page.goto("/settings");
  await hydrated(page);
  await page.getByRole("button", { name: "Revoke Billing backend" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId("api-token-row").filter({ hasText: "Billing backend" })).toContainText("revoked");
  expect((await post({ events: [event("y")] })).status()).toBe(401);
});

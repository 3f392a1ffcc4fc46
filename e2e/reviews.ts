import { expect, type Page } from "@playwright/test";
import { E2E } from "./config";
import { publishApp, rawAppRow } from "./db";
import { createAppInUi, createCompany, signIn } from "./fixtures";

type Review = {
  id: string;
  author: string;
  stars: number;
  date: string;
  text: string;
  upvotes?: number;
  reply?: string | null;
};

/** Publishes an app on the emulator's Marketplace with these reviews (replacing its page). */
export async function putListing(clientId: string, name: string, reviews: Review[]) {
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({
      clientId,
      name,
      builtBy: "E2E Partner",
      installBand: "100+",
      reviews: reviews.map((r) => ({ upvotes: 0, reply: null, ...r })),
    }),
  });
  expect(res.status).toBe(201);
}

export const REVIEWS: Review[] = [
  { id: "r1", author: "Hana Sato", stars: 5, date: "2026-11-10T09:00:00Z", text: "Makes quoting painless." },
  {
    id: "r2",
    author: "Ivan Petrov",
    stars: 2,
    date: "2026-11-12T09:00:00Z",
    text: "Crashes when the deal has no products.",
  },
  {
    id: "r3",
    author: "Julia Costa",
    stars: 1,
    date: "2026-11-15T09:00:00Z",
    text: "Lost my settings after the update.",
  },
  { id: "r4", author: "Karl Olsen", stars: 4, date: "2026-11-05T09:00:00Z", text: "Solid.", reply: "Thanks Karl!" },
];

/** A published app of a fresh workspace, with its Marketplace page on the emulator. */
export async function publishedApp(page: Page, label: string, reviews: Review[]) {
  const [owner] = await createCompany(label, [{ name: "Rita Owner", isAdmin: true }]);
  await signIn(page, owner!);
  const name = `Pulse ${Date.now().toString(36)}`;
  const appId = await createAppInUi(page, name);
  publishApp(appId);
  await putListing(String(rawAppRow(appId).clientId), name, reviews);
  return { owner: owner!, name, appId, clientId: String(rawAppRow(appId).clientId) };
}

export async function syncNow(page: Page, summary: string) {
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(`Sync finished: ${summary}`)).toBeVisible({ timeout: 20_000 });
}

/** Serves a Marketplace list on the emulator with the app at `at` among `size` apps. */
export async function placeIn(
  list: { kind: "collection" | "category"; key: string; name: string; shape: string },
  clientId: string,
  at: number,
  size: number,
) {
  const apps = Array.from({ length: size - 1 }, (_, i) => ({ clientId: `${list.key}-other-${i + 1}` }));
  apps.splice(at - 1, 0, { clientId });
  const res = await fetch(`${E2E.emulatorUrl}/__emulator/collections`, {
    method: "POST",
    body: JSON.stringify({ ...list, apps }),
  });
  expect(res.status).toBe(201);
}

/** The emulator's Top rated collection and the positions spec's own category, with the app at these places. */
export async function rank(clientId: string, topRated: number, category: number) {
  await placeIn({ kind: "collection", key: "top-rated", name: "Top rated", shape: "flight" }, clientId, topRated, 30);
  await placeIn(
    { kind: "category", key: "positions-spec-tools", name: "Positions spec tools", shape: "dom" },
    clientId,
    category,
    12,
  );
}

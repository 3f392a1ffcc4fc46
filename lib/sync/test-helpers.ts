import { afterAll, beforeEach } from "vitest";
import { startEmulator } from "@/emulator/server";
import type { Listing, ListingInput } from "@/emulator/listings";
import { setupTestDatabase } from "@/lib/test/db";

/**
 * What the sync tests share. Importing this module gives the test file its own database and its own
 * emulator, which serves both the Marketplace's pages and its API; the modules that read either are
 * imported after both are in place.
 */
setupTestDatabase();
export const emulator = await startEmulator();
process.env.MARKETPLACE_URL = emulator.url;
process.env.MARKETPLACE_API_URL = emulator.url;
export const { db } = await import("@/lib/db");
export const { syncWorkspace } = await import("./sync");
export const { readSyncReport } = await import("./report");

export const CLIENT_ID = "qf-client-1";

export const review = (n: number, stars = 5, extra: Partial<Listing["reviews"][number]> = {}) => ({
  id: `rv-${n}`,
  author: `Reviewer ${n}`,
  stars,
  date: `2026-11-${String(n).padStart(2, "0")}T09:00:00Z`,
  text: `Review number ${n}`,
  upvotes: n,
  reply: null,
  ...extra,
});
export const listing = (reviews: Listing["reviews"], extra: Partial<ListingInput> = {}): ListingInput => ({
  clientId: CLIENT_ID,
  name: "QuoteFlow",
  builtBy: "Acme",
  summary: "",
  installBand: "1,000+",
  reviews,
  ...extra,
});

/** A fake clock: sleeps are recorded, not waited; the run's time moves forward by a day each test. */
export const clock = { now: Date.parse("2026-11-20T12:00:00Z") };
export const slept: number[] = [];
export const options = () => ({
  fetch: { sleep: async (ms: number) => void slept.push(ms), random: () => 0.5, timeoutMs: 2_000, attempts: 3 },
  now: () => new Date(clock.now),
});

beforeEach(() => {
  clock.now += 86_400_000;
  slept.length = 0;
});

afterAll(() => emulator.close());

import { DEMO_APPS } from "./demo-apps";
import { demoRivalListings } from "./demo-competitors";
import { demoCollections, demoLeaderListings } from "./demo-positions";
import { demoListing } from "./demo-reviews";

/** The Marketplace as the demo's emulator serves it today: QuoteFlow's page, its rivals', its lists' leaders. */
export const demoMarketplace = (now = Date.now()) => ({
  listings: [
    demoListing(DEMO_APPS[0]!.clientId, now),
    ...demoRivalListings(now),
    ...demoLeaderListings(DEMO_APPS[0]!.clientId),
  ],
  collections: demoCollections(DEMO_APPS[0]!.clientId, now),
});

/** For a test: the demo's Marketplace on an emulator, with the Marketplace's addresses pointed at it. */
export async function serveDemoMarketplace() {
  const { startEmulator } = await import("../emulator/server");
  const emulator = await startEmulator(demoMarketplace());
  process.env.MARKETPLACE_URL = emulator.url;
  process.env.MARKETPLACE_API_URL = emulator.url;
  return emulator;
}

"use server";

import { revalidatePath } from "next/cache";
import { checkListingPage, updateListingUrl } from "@/lib/sync/listing-url-setting";
import { requireMember } from "@/lib/authz";
import { action } from "./action";

/** Sets an app's Marketplace page URL (empty: the default address). */
export async function updateListingUrlAction(appId: string, input: unknown) {
  return action(async () => {
    const settings = await updateListingUrl(await requireMember("sync.listing-url"), appId, input);
    revalidatePath(`/apps/${appId}/settings`);
    revalidatePath("/reviews", "layout");
    return settings;
  });
}

/** Reads the page at the URL in the field, as the sync would, and stores nothing. */
export async function checkListingPageAction(appId: string, input: unknown) {
  return action(async () => checkListingPage(await requireMember("sync.listing-url"), appId, input));
}

"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { retryDelivery } from "@/lib/gateway/deliveries";
import { revealHandoffSecret, updateGatewaySettings, putGatewayInListing } from "@/lib/gateway/settings";
import { action } from "./action";

export async function updateGatewayAction(appId: string, input: unknown) {
  return action(async () => {
    await updateGatewaySettings(await requireMember("gateway.settings"), appId, input);
    revalidatePath(`/apps/${appId}/settings`);
  });
}

export async function revealSigningSecretAction(appId: string) {
  return action(async () => revealHandoffSecret(await requireMember("gateway.reveal-secret"), appId));
}

export async function retryDeliveryAction(appId: string, deliveryId: string) {
  return action(async () => {
    await retryDelivery(await requireMember("gateway.retry-delivery"), appId, deliveryId);
    revalidatePath(`/apps/${appId}/settings`);
  });
}

export async function putGatewayInListingAction(appId: string) {
  return action(async () => {
    await putGatewayInListing(await requireMember("listing.edit"), appId);
    revalidatePath(`/apps/${appId}`, "layout");
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { addCustomerNote, eraseCustomer, setCustomerTags } from "@/lib/customers/customer";
import { action } from "./action";

export async function addCustomerNoteAction(customerId: string, input: { body: string }) {
  return action(async () => {
    const id = await addCustomerNote(await requireMember("customers.annotate"), customerId, input);
    revalidatePath(`/customers/${customerId}`);
    return id;
  });
}

export async function setCustomerTagsAction(customerId: string, input: { tags: string[] }) {
  return action(async () => {
    const tags = await setCustomerTags(await requireMember("customers.annotate"), customerId, input);
    revalidatePath(`/customers/${customerId}`);
    return tags;
  });
}

export async function eraseCustomerAction(customerId: string, confirm: string) {
  return action(async () => {
    await eraseCustomer(await requireMember("customers.erase"), customerId, confirm);
    revalidatePath(`/customers/${customerId}`);
  });
}

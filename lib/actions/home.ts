"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { dismissChecklist } from "@/lib/home/checklist";
import { action } from "./action";

export async function dismissChecklistAction() {
  return action(async () => {
    await dismissChecklist(await requireMember());
    revalidatePath("/apps");
  });
}

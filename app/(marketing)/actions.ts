"use server";

import { signIn } from "@/auth";
import { safeReturnPath } from "@/lib/paths";

/** Starts the Pipedrive OAuth flow; `callbackUrl` is where the person lands afterwards. */
export async function signInWithPipedrive(formData: FormData) {
  await signIn("pipedrive", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}

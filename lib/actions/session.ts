"use server";

import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { currentUser } from "@/lib/authz";
import { safeReturnPath } from "@/lib/http/paths";

/**
 * Starts the Pipedrive OAuth flow; `callbackUrl` is where the person lands afterwards.
 * Someone already signed in (the landing page is the same for everyone) goes straight there.
 */
export async function signInWithPipedrive(formData: FormData) {
  const redirectTo = safeReturnPath(formData.get("callbackUrl"));
  if (await currentUser()) redirect(redirectTo);
  await signIn("pipedrive", { redirectTo });
}

/** Deletes the database session and clears the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

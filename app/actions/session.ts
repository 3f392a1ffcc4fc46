"use server";

import { signOut } from "@/auth";

/** Deletes the database session and clears the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

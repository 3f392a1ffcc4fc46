import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * Any address no route answers: the not-found page, rendered for this request (with its nonce)
 * rather than the copy built ahead of time, whose scripts no per-request policy would allow.
 */
export default async function Missing() {
  await connection();
  notFound();
}

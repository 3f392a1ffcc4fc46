import type { NextApiRequest, NextApiResponse } from "next";
import { handleSharePage } from "@/lib/share/handler";
import { CLIENT_HEADER } from "@/lib/client-address";
import { SHARE_HEADERS } from "@/lib/share/status-page";
import { log } from "@/lib/log";

/**
 * The page of a share link (`/p/<token>` is rewritten here by next.config.ts). A Pages Router
 * API route: answering from memory through it costs the least framework work per request,
 * which is what the public share page needs. The logic is in lib/share/handler.ts; it imports
 * nothing marked server-only, which the Pages Router cannot load.
 */
export const config = { api: { bodyParser: false } };

export default async function shareRoute(req: NextApiRequest, res: NextApiResponse) {
  try {
    const answer = await handleSharePage({
      method: req.method ?? "GET",
      token: typeof req.query.token === "string" ? req.query.token : "",
      ifNoneMatch: req.headers["if-none-match"] ?? null,
      client: header(req, CLIENT_HEADER) ?? "unstamped",
    });
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    res.status(answer.status);
    if (answer.body === undefined || req.method === "HEAD") return res.end();
    res.end(typeof answer.body === "string" ? answer.body : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength));
  } catch (error) {
    log().error({ err: error }, "Share link failed");
    for (const [name, value] of Object.entries(SHARE_HEADERS)) res.setHeader(name, value);
    res.status(500).json({ error: { code: "INTERNAL", message: "Something went wrong on our side" } });
  }
}

const header = (req: NextApiRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

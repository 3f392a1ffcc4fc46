import "server-only";
import { gunzipSync, gzipSync, strToU8, zipSync } from "fflate";
import type { Member } from "@/lib/authz";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { captureFiles, captureName, type Capture, type CaptureKind } from "@/lib/marketplace/capture-format";

/**
 * What the Marketplace served for a read that failed or was partial, kept so the page can be attached
 * to a bug report and become a test of the readers: the last CAPTURES_KEPT per app (or competitor),
 * each body cut at MAX_CAPTURE_BYTES and gzipped, headers without cookies (./capture-format.ts).
 */
export const CAPTURES_KEPT = 3;
export const MAX_CAPTURE_BYTES = 2 * 1024 * 1024;

export async function keepCapture({
  workspaceId,
  appId = null,
  competitorId = null,
  runId = null,
  capture,
}: {
  workspaceId: string;
  appId?: string | null;
  competitorId?: string | null;
  runId?: string | null;
  capture: Capture;
}) {
  const bytes = Buffer.from(capture.body, "utf8");
  const truncated = bytes.length > MAX_CAPTURE_BYTES;
  const body = gzipSync(truncated ? bytes.subarray(0, MAX_CAPTURE_BYTES) : bytes);
  await db.marketplaceCapture.create({
    data: {
      workspaceId,
      appId,
      competitorId,
      runId,
      kind: capture.meta.kind,
      url: capture.meta.url,
      finalUrl: capture.meta.finalUrl,
      status: capture.meta.status,
      headers: JSON.stringify(capture.meta.headers),
      body: Buffer.from(body),
      truncated,
      reason: (capture.meta.reason ?? "").slice(0, 2000),
      fetchedAt: new Date(capture.meta.fetchedAt),
    },
  });
  const owner = appId ? { appId } : competitorId ? { competitorId } : { workspaceId, appId: null, competitorId: null };
  const old = await db.marketplaceCapture.findMany({
    where: owner,
    orderBy: { createdAt: "desc" },
    skip: CAPTURES_KEPT,
    select: { id: true },
  });
  if (old.length) await db.marketplaceCapture.deleteMany({ where: { id: { in: old.map((c) => c.id) } } });
}

/** The captures of a run, for Sync history (no bodies). */
export function capturesOfRun(workspaceId: string, runId: string) {
  return db.marketplaceCapture.findMany({
    where: { workspaceId, runId },
    orderBy: { createdAt: "asc" },
    select: { id: true, appId: true, competitorId: true, kind: true, url: true, status: true, reason: true },
  });
}

/**
 * A capture of the member's workspace as a zip of its folder (response.json and the body), the form
 * `npm run marketplace:replay` reads. Another workspace's capture is not found.
 */
export async function captureDownload(member: Member, id: unknown): Promise<{ filename: string; zip: Uint8Array }> {
  const row =
    typeof id === "string" && id.length <= 64
      ? await db.marketplaceCapture.findFirst({ where: { id, workspaceId: member.workspace.id } })
      : null;
  if (!row) throw notFound("Capture");
  const capture: Capture = {
    meta: {
      url: row.url,
      finalUrl: row.finalUrl,
      status: row.status,
      headers: JSON.parse(row.headers) as Record<string, string>,
      fetchedAt: row.fetchedAt.toISOString(),
      kind: row.kind as CaptureKind,
      clientId: row.appId
        ? ((await db.app.findUnique({ where: { id: row.appId }, select: { clientId: true } }))?.clientId ?? null)
        : null,
      reason: row.reason || null,
      truncated: row.truncated,
    },
    body: Buffer.from(gunzipSync(new Uint8Array(row.body))).toString("utf8"),
  };
  const name = captureName(capture.meta);
  const files = Object.fromEntries(
    Object.entries(captureFiles(capture)).map(([file, text]) => [`${name}/${file}`, strToU8(text)]),
  );
  return { filename: `${name}.zip`, zip: zipSync(files) };
}

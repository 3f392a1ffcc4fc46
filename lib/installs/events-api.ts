import { z } from "zod";
import { pipedriveId } from "@/lib/pipedrive/ids";
import { hasFeature } from "@/lib/app-types";
import { appInWorkspace } from "@/lib/scope";
import { ingestEvents } from "./ingest";
import { EVENT_TYPE_WORD_LIST, EVENT_TYPE_WORDS, type IngestEvent } from "./types";

export const MAX_EVENTS = 1000;
/** Clocks differ: an event may be up to five minutes "in the future". */
const SKEW_MS = 5 * 60_000;

const id = pipedriveId;

const eventSchema = z.strictObject({
  id: z
    .string({ error: "id must be text" })
    .trim()
    .min(1, "id is required")
    .max(200, "id must be at most 200 characters"),
  type: z.enum(EVENT_TYPE_WORD_LIST, {
    error: "type must be install_started, consent_denied, consent_granted, install or uninstall",
  }),
  company_id: id,
  user_id: id,
  occurred_at: z.iso.datetime({
    offset: true,
    error: "occurred_at must be an ISO 8601 date and time, e.g. 2026-11-28T10:00:00Z",
  }),
  scopes: z
    .union([z.string().max(2000), z.array(z.string().max(100)).max(100)], {
      error: "scopes must be text or a list of scope ids",
    })
    .optional(),
  // Who installed, as the partner's backend learned it from Pipedrive's /users/me: optional, kept as sent.
  company_name: z
    .string({ error: "company_name must be text" })
    .max(200, "company_name must be at most 200 characters")
    .optional(),
  company_domain: z
    .string({ error: "company_domain must be text" })
    .max(100, "company_domain must be at most 100 characters")
    .optional(),
  user_name: z
    .string({ error: "user_name must be text" })
    .max(200, "user_name must be at most 200 characters")
    .optional(),
  user_email: z.email({ error: "user_email must be an email address" }).max(254).optional(),
});

export const eventsBodySchema = z.strictObject({
  events: z
    .array(z.unknown(), { error: "events must be a list" })
    .min(1, "Send at least one event")
    .max(MAX_EVENTS, `Send at most ${MAX_EVENTS} events per request`),
});

export type EventResult = {
  index: number;
  id: string | null;
  status: "accepted" | "duplicate" | "invalid";
  reason?: string;
};

/** An integration without OAuth has no install flow or consent screen: only installs and uninstalls happen to it. */
const WITHOUT_OAUTH: ReadonlySet<string> = new Set(["install", "uninstall"]);

/** Validates each event on its own: one bad event never refuses the others. */
export function parseEvents(raw: unknown[], now = Date.now(), { oauth = true } = {}) {
  const valid: { index: number; event: IngestEvent; id: string }[] = [];
  const invalid: EventResult[] = [];
  raw.forEach((item, index) => {
    const parsed = eventSchema.safeParse(item);
    const rawId = item && typeof item === "object" && "id" in item && typeof item.id === "string" ? item.id : null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.join(".");
      invalid.push({
        index,
        id: rawId,
        status: "invalid",
        reason: path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message,
      });
      return;
    }
    const e = parsed.data;
    if (!oauth && !WITHOUT_OAUTH.has(e.type)) {
      invalid.push({
        index,
        id: e.id,
        status: "invalid",
        reason: `type: an API-token integration has no OAuth consent flow; send install or uninstall`,
      });
      return;
    }
    const occurredAt = new Date(e.occurred_at);
    if (occurredAt.getTime() > now + SKEW_MS) {
      invalid.push({ index, id: e.id, status: "invalid", reason: "occurred_at is in the future" });
      return;
    }
    const scopes =
      e.scopes === undefined
        ? null
        : (Array.isArray(e.scopes) ? e.scopes : e.scopes.split(/[\s,]+/)).filter(Boolean).join(" ");
    valid.push({
      index,
      id: e.id,
      event: {
        dedupeKey: `api:${e.id}`,
        type: EVENT_TYPE_WORDS[e.type],
        companyId: e.company_id,
        userId: e.user_id,
        occurredAt,
        scopes,
        source: "API",
        companyName: e.company_name ?? null,
        companyDomain: e.company_domain ?? null,
        userName: e.user_name ?? null,
        userEmail: e.user_email ?? null,
      },
    });
  });
  return { valid, invalid };
}

/**
 * A batch posted to the events API with one of the workspace's tokens: every event answered on its
 * own (accepted, duplicate or invalid with the reason), in the order sent. An app of another
 * workspace is not found, before the body is read.
 */
export async function receiveApiEvents(workspaceId: string, appId: unknown, readBody: () => Promise<unknown>) {
  const app = await appInWorkspace({ workspace: { id: workspaceId } }, appId);
  const { events } = eventsBodySchema.parse(await readBody());
  const { valid, invalid } = parseEvents(events, Date.now(), { oauth: hasFeature(app.type, "oauth") });
  const stored = ingestEvents(
    app.id,
    valid.map((v) => v.event),
  );
  const results: EventResult[] = [
    ...invalid,
    ...valid.map((v, i) => ({ index: v.index, id: v.id, status: stored[i]! })),
  ].sort((a, b) => a.index - b.index);
  const count = (status: EventResult["status"]) => results.filter((r) => r.status === status).length;
  return { accepted: count("accepted"), duplicates: count("duplicate"), invalid: count("invalid"), results };
}

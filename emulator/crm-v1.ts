/**
 * Pipedrive API v1 where it is still the only version (../shared/pipedrive/MARKETPLACE.md, "Pipedrive's API
 * versions"): leads, lead labels and notes, in the shapes of the v1 reference. And the v1 endpoints that v2
 * replaced, which are out of support since 2026-08-01: `replacedBy` names the v2 call for the 410 answer.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { labelV1, leadV1, noteV1 } from "./crm-shapes";
import { CrmError, parse, type Ctx, type Lead, type Note, type Reply } from "./crm-store";

/** v1 resources that have a v2 replacement: every path under them answers 410. */
const REPLACED = new Set([
  "organizations",
  "persons",
  "deals",
  "pipelines",
  "stages",
  "activities",
  "products",
  "itemSearch",
  "dealFields",
  "organizationFields",
  "personFields",
  "productFields",
  "activityFields",
]);
const PARENT_FILTER: Record<string, string> = {
  organizations: "org_id",
  persons: "person_id",
  pipelines: "pipeline_id",
  stages: "stage_id",
};

/** The v2 call that replaces a v1 one (PUT became PATCH; sub-lists became filters), or null if v1 still serves it. */
export function replacedBy(method: string, segs: string[]): string | null {
  const [name = "", parent, child] = segs;
  if (!REPLACED.has(name) && !(name === "leads" && parent === "search")) return null;
  if (parent && /^\d+$/.test(parent) && child === "deals" && PARENT_FILTER[name])
    return `GET /api/v2/deals?${PARENT_FILTER[name]}=${parent}`;
  if (name === "organizations" && parent && child === "persons") return `GET /api/v2/persons?org_id=${parent}`;
  return `${method === "PUT" ? "PATCH" : method} /api/v2/${segs.join("/")}`;
}

const v1 = <T>(schema: z.ZodType<T>, value: unknown) => parse(schema, value, false);
const int = z.number().int().positive();
const leadSchema = z
  .object({
    title: z.string().trim().min(1),
    owner_id: int,
    label_ids: z.array(z.string()),
    person_id: int.nullable(),
    organization_id: int.nullable(),
    value: z.object({ amount: z.number(), currency: z.string().min(1) }).nullable(),
    expected_close_date: z.iso.date().nullable(),
    visible_to: z.enum(["1", "3", "5", "7"]),
    was_seen: z.boolean(),
    is_archived: z.boolean(),
    origin_id: z.string().nullable(),
    channel: z.number().int().nullable(),
    channel_id: z.string().nullable(),
  })
  .partial();
const LABEL_COLORS = [
  "green",
  "blue",
  "red",
  "yellow",
  "purple",
  "gray",
  "brown",
  "orange",
  "pink",
  "dark-gray",
] as const;
const labelSchema = z.object({ name: z.string().trim().min(1), color: z.enum(LABEL_COLORS) });
/** v1 still reads numbers from strings ("12"), unlike v2. */
const numeric = z.coerce.number().int().positive();
const noteSchema = z.object({
  content: z.string().trim().min(1),
  deal_id: numeric.optional(),
  person_id: numeric.optional(),
  org_id: numeric.optional(),
  lead_id: z.uuid().optional(),
});

/** `start` and `limit` (100 by default; v1 never gives more than 500). */
function offsets(q: URLSearchParams) {
  const read = (name: string, fallback: number) => {
    const v = q.get(name);
    if (v === null || v === "") return fallback;
    if (!/^\d+$/.test(v)) throw new CrmError(400, `Validation failed: ${name}: expected an integer`);
    return Number(v);
  };
  return { start: read("start", 0), limit: Math.min(500, Math.max(1, read("limit", 100))) };
}
function qNumber(q: URLSearchParams, name: string) {
  const v = q.get(name);
  return v === null || v === "" ? undefined : Number(v);
}
const unknownRoute = (ctx: Ctx) => new CrmError(404, `Unknown method ${ctx.method} /v1/${ctx.segs.join("/")}`);
const ok = (data: unknown, status = 200): Reply => ({ status, body: { success: true, data } });

const exists = <T extends { is_deleted: boolean }>(map: Map<number, T>, id: number) =>
  map.get(id)?.is_deleted === false;

/** A lead is linked to a person or an organization (or both) that exist, with the company's labels and users. */
function checkLead(ctx: Ctx, l: Pick<Lead, "person_id" | "organization_id" | "label_ids" | "owner_id">) {
  const c = ctx.company;
  if (l.person_id === null && l.organization_id === null)
    throw new CrmError(400, "A lead must be linked to a person or an organization");
  if (l.person_id !== null && !exists(c.persons, l.person_id))
    throw new CrmError(400, `Person with id ${l.person_id} not found`);
  if (l.organization_id !== null && !exists(c.organizations, l.organization_id))
    throw new CrmError(400, `Organization with id ${l.organization_id} not found`);
  const label = l.label_ids.find((labelId) => !c.leadLabels.has(labelId));
  if (label !== undefined) throw new CrmError(400, `Lead label with id ${label} not found`);
  if (!ctx.userOf(l.owner_id)) throw new CrmError(400, `User with id ${l.owner_id} not found`);
}

/**
 * Leads: created with 201 (the v1 reference); listed oldest first, the archived ones apart, with a flat
 * `additional_data: { start, limit, more_items_in_collection }` as the v1 reference and the official client's
 * `GetLeadsResponse` document it, unlike the `additional_data.pagination` of other v1 lists (notes).
 */
function leads(ctx: Ctx, second: string | undefined): Reply {
  const c = ctx.company;
  if (ctx.method === "POST" && second === undefined) {
    // A lead is created unarchived, whatever the body says.
    const b = v1(leadSchema.omit({ is_archived: true }).required({ title: true }), ctx.body);
    const lead: Lead = {
      ...{ id: randomUUID(), owner_id: ctx.user.id, creator_id: ctx.user.id, label_ids: [], person_id: null },
      ...{ organization_id: null, value: null, expected_close_date: null, was_seen: false, visible_to: "3" },
      ...{ origin_id: null, channel: null, channel_id: null, ...b, is_archived: false },
      ...{ add_time: ctx.now, update_time: ctx.now },
    };
    checkLead(ctx, lead);
    c.leads.set(lead.id, lead);
    return ok(leadV1(c, lead), 201);
  }
  if (ctx.method === "GET" && (second === undefined || second === "archived")) {
    const q = ctx.query;
    const { start, limit } = offsets(q);
    const archived = second === "archived" ? "archived" : (q.get("archived_status") ?? "not_archived");
    const [ownerId, personId, orgId] = [qNumber(q, "owner_id"), qNumber(q, "person_id"), qNumber(q, "organization_id")];
    const all = [...c.leads.values()].filter(
      (l) =>
        (archived === "all" || l.is_archived === (archived === "archived")) &&
        (ownerId === undefined || l.owner_id === ownerId) &&
        (personId === undefined || l.person_id === personId) &&
        (orgId === undefined || l.organization_id === orgId),
    );
    const data = all.slice(start, start + limit).map((l) => leadV1(c, l));
    const more = start + limit < all.length;
    return {
      status: 200,
      body: { success: true, data, additional_data: { start, limit, more_items_in_collection: more } },
    };
  }
  const lead = second === undefined ? undefined : c.leads.get(second);
  if (second === undefined || !["GET", "PATCH", "DELETE"].includes(ctx.method)) throw unknownRoute(ctx);
  if (!lead) throw new CrmError(404, "Lead not found");
  if (ctx.method === "GET") return ok(leadV1(c, lead));
  if (ctx.method === "DELETE") {
    c.leads.delete(lead.id);
    return ok({ id: lead.id });
  }
  const next = { ...lead, ...v1(leadSchema, ctx.body), update_time: ctx.now };
  checkLead(ctx, next);
  Object.assign(lead, next);
  return ok(leadV1(c, lead));
}

function labels(ctx: Ctx, second: string | undefined): Reply {
  const c = ctx.company;
  if (second !== undefined) throw unknownRoute(ctx);
  if (ctx.method === "GET") return ok([...c.leadLabels.values()].map(labelV1));
  if (ctx.method !== "POST") throw unknownRoute(ctx);
  const b = v1(labelSchema, ctx.body);
  const label = { id: randomUUID(), ...b, add_time: ctx.now, update_time: ctx.now };
  c.leadLabels.set(label.id, label);
  return ok(labelV1(label));
}

/** Notes: `content` and at least one existing deal, lead, person or organization; lists page with `pagination`. */
function notes(ctx: Ctx, second: string | undefined): Reply {
  const c = ctx.company;
  const show = (n: Note) => noteV1(c, n, ctx.userOf(n.user_id), ctx.origin, ctx.user.id);
  if (ctx.method === "POST" && second === undefined) {
    const b = v1(noteSchema, ctx.body);
    const targets = {
      deal: b.deal_id === undefined || exists(c.deals, b.deal_id),
      person: b.person_id === undefined || exists(c.persons, b.person_id),
      organization: b.org_id === undefined || exists(c.organizations, b.org_id),
      lead: b.lead_id === undefined || c.leads.has(b.lead_id),
    };
    if ([b.deal_id, b.person_id, b.org_id, b.lead_id].every((v) => v === undefined))
      throw new CrmError(400, "A note must be attached to a deal, a lead, a person or an organization");
    const missing = Object.entries(targets).find(([, found]) => !found)?.[0];
    if (missing)
      throw new CrmError(
        400,
        `Cannot add/update note because ${missing} does not exist or you have no permissions to access this ${missing}.`,
      );
    const note: Note = {
      ...{ id: c.nextId("notes"), content: b.content, user_id: ctx.user.id, deal_id: b.deal_id ?? null },
      ...{ person_id: b.person_id ?? null, org_id: b.org_id ?? null, lead_id: b.lead_id ?? null },
      ...{ add_time: ctx.now, update_time: ctx.now },
    };
    c.notes.set(note.id, note);
    return ok(show(note));
  }
  if (ctx.method !== "GET") throw unknownRoute(ctx);
  if (second !== undefined) {
    const note = /^\d+$/.test(second) ? c.notes.get(Number(second)) : undefined;
    if (!note) throw new CrmError(404, "Note not found");
    return ok(show(note));
  }
  const q = ctx.query;
  const { start, limit } = offsets(q);
  const filters = (["deal_id", "person_id", "org_id", "user_id"] as const).map((k) => [k, qNumber(q, k)] as const);
  const leadId = q.get("lead_id");
  const all = [...c.notes.values()].filter(
    (n) => filters.every(([k, v]) => v === undefined || n[k] === v) && (!leadId || n.lead_id === leadId),
  );
  const more = start + limit < all.length;
  const pagination = { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) };
  const data = all.slice(start, start + limit).map(show);
  return { status: 200, body: { success: true, data, additional_data: { pagination } } };
}

/** Routes `/v1/<segs>` (and `/api/v1/<segs>`) for the resources v1 still serves. */
export function handleV1(ctx: Ctx): Reply {
  const [name, second, ...more] = ctx.segs;
  if (more.length) throw unknownRoute(ctx);
  if (name === "leads") return leads(ctx, second);
  if (name === "leadLabels") return labels(ctx, second);
  if (name === "notes") return notes(ctx, second);
  throw unknownRoute(ctx);
}

/** The first path segments v1 serves here: the CRM handler claims these paths (and the replaced ones). */
export const V1_RESOURCES = new Set(["leads", "leadLabels", "notes", ...REPLACED]);

/**
 * What every v2 resource shares: strict query parameters, cursor pagination (`limit` 100 by default, at most 500;
 * `additional_data.next_cursor`, null on the last page; cursors shaped like Pipedrive's, base64url JSON of the first
 * item of the next page), search (`{ data: { items: [{ result_score, item }] } }`), references that must exist, and
 * the list / get / create / update / soft-delete routes of one resource.
 */
import { z } from "zod";
import { CrmError, live, type CrmCompany, type Ctx, type Reply } from "./crm-store";

export const bad = (where: string, message: string) =>
  new CrmError(400, `Validation failed: ${where}: ${message}`, "ERR_SCHEMA_VALIDATION_FAILED");
export const ok = (data: unknown): Reply => ({ status: 200, body: { success: true, data } });

/** Query parameters, as strictly as v2 reads them. */
export function qInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (!/^\d+$/.test(v)) throw bad(name, "expected an integer");
  return Number(v);
}
export function qList(q: URLSearchParams, name: string, allowed?: string[]): string[] | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  const list = v.split(",").map((s) => s.trim());
  const wrong = allowed && list.find((s) => !allowed.includes(s));
  if (wrong !== undefined) throw bad(name, `"${wrong}" is not one of ${allowed!.join(", ")}`);
  return list;
}
function qIds(q: URLSearchParams) {
  const list = qList(q, "ids");
  if (list?.some((s) => !/^\d+$/.test(s))) throw bad("ids", "expected comma-separated integers");
  return list?.map(Number);
}
function qLimit(q: URLSearchParams) {
  const limit = qInt(q, "limit") ?? 100;
  if (limit < 1 || limit > 500) throw bad("limit", "must be between 1 and 500");
  return limit;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
function decode<T>(schema: z.ZodType<T>, cursor: string): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw bad("cursor", "invalid cursor");
  }
}
const listCursor = z.object({
  field: z.string(),
  fieldValue: z.number(),
  sortDirection: z.enum(["asc", "desc"]),
  id: z.number(),
});

export type Entity = { id: number; add_time: number; update_time: number; is_deleted: boolean };

/** One page of a list; the cursor (shaped like Pipedrive's) marks the first item of the next page. */
export function listPage<T extends Entity>(ctx: Ctx, items: T[], show: (t: T) => unknown): Reply {
  const q = ctx.query;
  const limit = qLimit(q);
  const field = (qList(q, "sort_by", ["id", "add_time", "update_time"]) ?? ["id"])[0] as
    "id" | "add_time" | "update_time";
  const direction = (qList(q, "sort_direction", ["asc", "desc"]) ?? ["asc"])[0] as "asc" | "desc";
  const sign = direction === "asc" ? 1 : -1;
  const order = (t: { id: number; fieldValue: number }, a: T) => sign * (a[field] - t.fieldValue || a.id - t.id);
  let rest = [...items].sort((a, b) => order({ id: b.id, fieldValue: b[field] }, a));
  const cursor = q.get("cursor");
  if (cursor) {
    const at = decode(listCursor, cursor);
    if (at.field !== field || at.sortDirection !== direction) throw bad("cursor", "does not match the sorting");
    rest = rest.filter((a) => order(at, a) >= 0);
  }
  const next = rest[limit];
  const next_cursor = next ? encode({ field, fieldValue: next[field], sortDirection: direction, id: next.id }) : null;
  return {
    status: 200,
    body: { success: true, data: rest.slice(0, limit).map(show), additional_data: { next_cursor } },
  };
}

export type Resource<T extends Entity> = {
  label: string;
  map: (c: CrmCompany) => Map<number, T>;
  show: (t: T) => unknown;
  create: (ctx: Ctx) => T;
  update: (ctx: Ctx, t: T) => void;
  /** Which items a list shows, from its query. */
  filter: (ctx: Ctx) => (t: T) => boolean;
  searchFields: string[];
  searchValues: (t: T, field: string) => string[];
  searchFilter: (ctx: Ctx) => (t: T) => boolean;
  searchItem: (c: CrmCompany, t: T) => Record<string, unknown>;
};

/** Search: `term` (2+ characters, or 1 with `exact_match`, which is case-insensitive), `fields`, cursor pages. */
function search<T extends Entity>(ctx: Ctx, r: Resource<T>): Reply {
  const q = ctx.query;
  const term = (q.get("term") ?? "").trim();
  const exact = (qList(q, "exact_match", ["true", "false"]) ?? ["false"])[0] === "true";
  if (term.length < (exact ? 1 : 2)) throw bad("term", "minimum 2 characters (or 1 if using exact_match)");
  const fields = qList(q, "fields", r.searchFields) ?? r.searchFields;
  const needle = term.toLowerCase();
  const score = (value: string) => {
    const v = value.toLowerCase();
    if (v === needle) return 1;
    if (exact || !v.includes(needle)) return 0;
    return Math.round((needle.length / v.length) * (v.startsWith(needle) ? 1000 : 800)) / 1000;
  };
  const keep = r.searchFilter(ctx);
  const hits = [...r.map(ctx.company).values()]
    .filter((t) => !t.is_deleted && keep(t))
    .map((t) => ({ t, s: Math.max(0, ...fields.flatMap((f) => r.searchValues(t, f).map(score))) }))
    .filter((h) => h.s > 0)
    .sort((a, b) => b.s - a.s || a.t.id - b.t.id);
  const limit = qLimit(q);
  const cursor = q.get("cursor");
  const offset = cursor ? decode(z.object({ offset: z.number().int().min(0) }), cursor).offset : 0;
  const page = hits.slice(offset, offset + limit);
  const next_cursor = offset + limit < hits.length ? encode({ offset: offset + limit }) : null;
  const items = page.map((h) => ({ result_score: h.s, item: r.searchItem(ctx.company, h.t) }));
  return { status: 200, body: { success: true, data: { items }, additional_data: { next_cursor } } };
}

/** A referenced entity must exist (and not be deleted): otherwise a 400, as v2 refuses unknown ids. */
export function ref<T extends Entity>(map: Map<number, T>, refId: number | null | undefined, label: string) {
  if (refId === null || refId === undefined) return;
  if (!map.get(refId) || map.get(refId)!.is_deleted) throw new CrmError(400, `${label} with id ${refId} not found`);
}
export function owner(ctx: Ctx, ownerId: number | undefined) {
  if (ownerId !== undefined && !ctx.userOf(ownerId)) throw new CrmError(400, `User with id ${ownerId} not found`);
}
export const times = <B extends { add_time?: string }>(ctx: Ctx, b: B) => ({
  add_time: b.add_time ? Date.parse(b.add_time) : ctx.now,
  update_time: ctx.now,
  is_deleted: false,
});
export const ownerFilter = (ctx: Ctx) => {
  const [ownerId, ids] = [qInt(ctx.query, "owner_id"), qIds(ctx.query)];
  return (t: Entity & { owner_id: number }) =>
    !t.is_deleted && (ownerId === undefined || t.owner_id === ownerId) && (!ids || ids.includes(t.id));
};
export const named = (t: { id: number; name: string } | undefined) => (t ? { id: t.id, name: t.name } : null);
export const extras = { custom_fields: [], notes: [] };

export function pathId(segment: string) {
  if (!/^\d+$/.test(segment)) throw bad("id", "expected an integer");
  return Number(segment);
}
export const unknownRoute = (ctx: Ctx) =>
  new CrmError(404, `Unknown method ${ctx.method} /api/v2/${ctx.segs.join("/")}`);

export function serve<T extends Entity>(ctx: Ctx, r: Resource<T>, second: string | undefined): Reply {
  const map = r.map(ctx.company);
  if (second === undefined && ctx.method === "GET")
    return listPage(ctx, [...map.values()].filter(r.filter(ctx)), r.show);
  if (second === undefined && ctx.method === "POST") {
    const created = r.create(ctx);
    map.set(created.id, created);
    return ok(r.show(created));
  }
  if (second === "search" && ctx.method === "GET") return search(ctx, r);
  if (second === undefined) throw unknownRoute(ctx);
  const entityId = pathId(second);
  const found = map.get(entityId);
  if (ctx.method === "GET" && found) return ok(r.show(found));
  const current = live(map, entityId, r.label);
  if (ctx.method === "PATCH") {
    r.update(ctx, current);
    current.update_time = ctx.now;
    return ok(r.show(current));
  }
  if (ctx.method !== "DELETE") throw unknownRoute(ctx);
  Object.assign(current, { is_deleted: true, update_time: ctx.now });
  return ok({ id: current.id });
}

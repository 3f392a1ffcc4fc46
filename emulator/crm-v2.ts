/**
 * Pipedrive API v2 for organizations, persons, deals, pipelines and stages, as the v2 reference and the migration
 * guide describe it: strict validation (numbers are never coerced from strings, unknown ids are refused), RFC 3339
 * times, cursor pagination (`limit` 100 by default, at most 500; `additional_data.next_cursor`, null on the last
 * page), soft deletes (`is_deleted`), and search answers `{ data: { items: [{ result_score, item }] } }`.
 * Creating answers 200, as the v2 reference documents. Unknown body fields are ignored.
 */
import { z } from "zod";
import { dealV2, orgV2, personV2, pipelineV2, stageV2 } from "./crm-shapes";
import {
  CrmError,
  live,
  parse,
  type ContactPoint,
  type CrmCompany,
  type Ctx,
  type Deal,
  type DealStatus,
  type Org,
  type Person,
  type Reply,
} from "./crm-store";
import {
  bad,
  extras,
  listPage,
  named,
  ok,
  owner,
  ownerFilter,
  pathId,
  qInt,
  qList,
  ref,
  serve,
  times,
  unknownRoute,
  type Resource,
} from "./crm-v2-kit";

const id = z.number().int().positive();
const time = z.iso.datetime({ offset: true });
const common = {
  owner_id: id,
  add_time: time,
  visible_to: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]),
  label_ids: z.array(z.number().int()),
  custom_fields: z.record(z.string(), z.unknown()),
};
const orgSchema = z
  .object({
    ...common,
    name: z.string().trim().min(1),
    address: z.looseObject({ value: z.string() }).nullable(),
    website: z.string().nullable(),
    linkedin: z.string().nullable(),
    industry: z.number().int().nullable(),
    annual_revenue: z.number().nullable(),
    employee_count: z.number().int().nullable(),
  })
  .partial();
const contacts = z.array(
  z.object({ value: z.string().trim().min(1), primary: z.boolean().optional(), label: z.string().optional() }),
);
const personSchema = z
  .object({
    ...common,
    name: z.string().trim().min(1),
    first_name: z.string(),
    last_name: z.string(),
    org_id: id.nullable(),
    emails: contacts,
    phones: contacts,
  })
  .partial();
const dealSchema = z
  .object({
    ...common,
    title: z.string().trim().min(1),
    person_id: id.nullable(),
    org_id: id.nullable(),
    pipeline_id: id,
    stage_id: id,
    value: z.number(),
    currency: z.string().regex(/^[A-Z]{3}$/, "expected a 3-letter currency code"),
    status: z.enum(["open", "won", "lost"]),
    lost_reason: z.string().nullable(),
    probability: z.number().min(0).max(100).nullable(),
    expected_close_date: z.iso.date().nullable(),
    close_time: time.nullable(),
    won_time: time.nullable(),
    lost_time: time.nullable(),
  })
  .partial();

const organizations: Resource<Org> = {
  label: "Organization",
  map: (c) => c.organizations,
  show: orgV2,
  create(ctx) {
    const b = parse(orgSchema.required({ name: true }), ctx.body);
    owner(ctx, b.owner_id);
    return {
      ...{ owner_id: ctx.user.id, visible_to: 3, label_ids: [], address: null, custom_fields: {} },
      ...{ website: null, linkedin: null, industry: null, annual_revenue: null, employee_count: null },
      ...b,
      ...times(ctx, b),
      id: ctx.company.nextId("organizations"),
    };
  },
  update(ctx, o) {
    const { add_time, ...b } = parse(orgSchema, ctx.body);
    owner(ctx, b.owner_id);
    Object.assign(o, b, add_time ? { add_time: Date.parse(add_time) } : {});
  },
  filter: ownerFilter,
  searchFields: ["name", "address", "notes", "custom_fields"],
  searchValues: (o, f) => (f === "name" ? [o.name] : f === "address" && o.address ? [String(o.address.value)] : []),
  searchFilter: () => () => true,
  searchItem: (c, o) => ({
    ...{ id: o.id, type: "organization", name: o.name, address: o.address ? String(o.address.value) : null },
    ...{ visible_to: o.visible_to, owner: { id: o.owner_id }, ...extras },
  }),
};

/** Emails and phones: `label` defaults to "work"; at most one primary, and the first one is if none is. */
function points(list: z.infer<typeof contacts> | undefined, field: string): ContactPoint[] | undefined {
  if (!list) return undefined;
  if (list.filter((p) => p.primary).length > 1) throw bad(field, "only one value can be primary");
  const first = !list.some((p) => p.primary);
  return list.map((p, i) => ({ value: p.value, primary: p.primary ?? (first && i === 0), label: p.label ?? "work" }));
}
/** Either `name`, or `first_name` and `last_name` (not both empty); the other form is derived. */
function names(b: z.infer<typeof personSchema>, required: boolean) {
  if (b.name !== undefined) {
    const [first = "", ...last] = b.name.split(/\s+/);
    return { name: b.name, first_name: first, last_name: last.join(" ") };
  }
  if (b.first_name !== undefined && b.last_name !== undefined && `${b.first_name}${b.last_name}`.trim())
    return { first_name: b.first_name, last_name: b.last_name, name: `${b.first_name} ${b.last_name}`.trim() };
  if (required || b.first_name !== undefined || b.last_name !== undefined)
    throw bad("name", "either name or both first_name and last_name must be provided");
  return {};
}

const persons: Resource<Person> = {
  label: "Person",
  map: (c) => c.persons,
  show: personV2,
  create(ctx) {
    const b = parse(personSchema, ctx.body);
    const n = names(b, true) as { name: string; first_name: string; last_name: string };
    owner(ctx, b.owner_id);
    ref(ctx.company.organizations, b.org_id, "Organization");
    const defaults = { owner_id: ctx.user.id, org_id: null, visible_to: 3, label_ids: [], custom_fields: {} };
    const contact = { emails: points(b.emails, "emails") ?? [], phones: points(b.phones, "phones") ?? [] };
    return { ...defaults, ...b, ...n, ...contact, ...times(ctx, b), id: ctx.company.nextId("persons") };
  },
  update(ctx, p) {
    const { add_time, ...b } = parse(personSchema, ctx.body);
    owner(ctx, b.owner_id);
    ref(ctx.company.organizations, b.org_id, "Organization");
    const [emails, phones] = [points(b.emails, "emails"), points(b.phones, "phones")];
    Object.assign(p, b, names(b, false), emails ? { emails } : {}, phones ? { phones } : {});
    if (add_time) p.add_time = Date.parse(add_time);
  },
  filter(ctx) {
    const [base, orgId] = [ownerFilter(ctx), qInt(ctx.query, "org_id")];
    return (p) => base(p) && (orgId === undefined || p.org_id === orgId);
  },
  searchFields: ["name", "email", "phone", "notes", "custom_fields"],
  searchValues: (p, f) =>
    f === "name"
      ? [p.name]
      : f === "email"
        ? p.emails.map((e) => e.value)
        : f === "phone"
          ? p.phones.map((e) => e.value)
          : [],
  searchFilter(ctx) {
    const orgId = qInt(ctx.query, "organization_id");
    return (p) => orgId === undefined || p.org_id === orgId;
  },
  searchItem: (c, p) => ({
    ...{ id: p.id, type: "person", name: p.name, phones: p.phones.map((x) => x.value) },
    ...{ emails: p.emails.map((x) => x.value), visible_to: p.visible_to, owner: { id: p.owner_id } },
    ...{ organization: named(p.org_id === null ? undefined : c.organizations.get(p.org_id)), ...extras },
  }),
};

type DealBody = z.infer<typeof dealSchema>;
/** Where a deal goes: a stage must exist and belong to `pipeline_id`; a pipeline alone means its first stage. */
function place(c: CrmCompany, b: DealBody, current?: Deal) {
  if (b.stage_id !== undefined) {
    const stage = c.stages.get(b.stage_id);
    if (!stage || stage.is_deleted) throw new CrmError(400, `Stage with id ${b.stage_id} not found`);
    if (b.pipeline_id !== undefined && stage.pipeline_id !== b.pipeline_id)
      throw new CrmError(400, `Stage with id ${b.stage_id} does not belong to pipeline with id ${b.pipeline_id}`);
    return { pipeline_id: stage.pipeline_id, stage_id: stage.id };
  }
  const pipelineId = b.pipeline_id ?? current?.pipeline_id ?? [...c.pipelines.values()].find((p) => !p.is_deleted)!.id;
  ref(c.pipelines, pipelineId, "Pipeline");
  if (current && current.pipeline_id === pipelineId) return { pipeline_id: pipelineId, stage_id: current.stage_id };
  return { pipeline_id: pipelineId, stage_id: c.stagesOf(pipelineId)[0]!.id };
}
/** Won sets won and close times, lost sets lost and close times, reopening clears them (the lost reason stays). */
function setStatus(d: Deal, status: DealStatus, b: DealBody, now: number) {
  const at = (t: string | null | undefined) => (t ? Date.parse(t) : now);
  d.status = status;
  d.won_time = status === "won" ? at(b.won_time) : null;
  d.lost_time = status === "lost" ? at(b.lost_time) : null;
  d.close_time = status === "open" ? null : b.close_time ? Date.parse(b.close_time) : (d.won_time ?? d.lost_time);
}
function dealRefs(ctx: Ctx, b: DealBody) {
  owner(ctx, b.owner_id);
  ref(ctx.company.persons, b.person_id, "Person");
  ref(ctx.company.organizations, b.org_id, "Organization");
}

const deals: Resource<Deal> = {
  label: "Deal",
  map: (c) => c.deals,
  show: dealV2,
  create(ctx) {
    const b = parse(dealSchema.required({ title: true }), ctx.body);
    dealRefs(ctx, b);
    const { close_time, won_time, lost_time, status = "open", ...rest } = b; // set by setStatus
    const d: Deal = {
      ...{ creator_user_id: ctx.user.id, owner_id: ctx.user.id, person_id: null, org_id: null, value: 0 },
      ...{ currency: "EUR", lost_reason: null, probability: null, visible_to: 3, label_ids: [] },
      ...{ expected_close_date: null, custom_fields: {}, close_time: null, won_time: null, lost_time: null },
      ...rest,
      ...place(ctx.company, b),
      ...times(ctx, b),
      ...{ id: ctx.company.nextId("deals"), status, stage_change_time: null },
    };
    setStatus(d, status, { close_time, won_time, lost_time }, ctx.now);
    return d;
  },
  update(ctx, d) {
    const b = parse(dealSchema, ctx.body);
    dealRefs(ctx, b);
    const { add_time, close_time, won_time, lost_time, status, ...rest } = b;
    const where = place(ctx.company, b, d);
    if (where.stage_id !== d.stage_id) d.stage_change_time = ctx.now;
    Object.assign(d, rest, where, add_time ? { add_time: Date.parse(add_time) } : {});
    if (status !== undefined && status !== d.status) setStatus(d, status, { close_time, won_time, lost_time }, ctx.now);
  },
  filter(ctx) {
    const q = ctx.query;
    const base = ownerFilter(ctx);
    const [personId, orgId, pipelineId, stageId] = ["person_id", "org_id", "pipeline_id", "stage_id"].map((n) =>
      qInt(q, n),
    );
    const statuses = qList(q, "status", ["open", "won", "lost", "deleted"]);
    return (d) =>
      (d.is_deleted ? !!statuses?.includes("deleted") : (!statuses || statuses.includes(d.status)) && base(d)) &&
      [personId, orgId, pipelineId, stageId].every(
        (v, i) => v === undefined || v === [d.person_id, d.org_id, d.pipeline_id, d.stage_id][i],
      );
  },
  searchFields: ["title", "notes", "custom_fields"],
  searchValues: (d, f) => (f === "title" ? [d.title] : []),
  searchFilter(ctx) {
    const [personId, orgId] = [qInt(ctx.query, "person_id"), qInt(ctx.query, "organization_id")];
    const status = qList(ctx.query, "status", ["open", "won", "lost"]);
    return (d) =>
      (personId === undefined || d.person_id === personId) &&
      (orgId === undefined || d.org_id === orgId) &&
      (!status || status.includes(d.status));
  },
  searchItem: (c, d) => ({
    ...{ id: d.id, type: "deal", title: d.title, value: d.value, currency: d.currency, status: d.status },
    ...{ visible_to: d.visible_to, owner: { id: d.owner_id }, stage: named(c.stages.get(d.stage_id)) },
    ...{ person: named(d.person_id === null ? undefined : c.persons.get(d.person_id)) },
    ...{ organization: named(d.org_id === null ? undefined : c.organizations.get(d.org_id)), ...extras },
    is_archived: false,
  }),
};

/** Routes `/api/v2/<segs>`; pipelines and stages are read here (the company's own are made in the UI). */
export function handleV2(ctx: Ctx): Reply {
  const [name, second, ...more] = ctx.segs;
  if (more.length) throw unknownRoute(ctx);
  if (name === "organizations") return serve(ctx, organizations, second);
  if (name === "persons") return serve(ctx, persons, second);
  if (name === "deals") return serve(ctx, deals, second);
  if ((name !== "pipelines" && name !== "stages") || ctx.method !== "GET") throw unknownRoute(ctx);
  const c = ctx.company;
  if (name === "pipelines")
    return second === undefined
      ? listPage(
          ctx,
          [...c.pipelines.values()].filter((p) => !p.is_deleted),
          pipelineV2,
        )
      : ok(pipelineV2(live(c.pipelines, pathId(second), "Pipeline")));
  if (second !== undefined) return ok(stageV2(live(c.stages, pathId(second), "Stage")));
  const pipelineId = qInt(ctx.query, "pipeline_id");
  const stages = [...c.stages.values()].filter(
    (s) => !s.is_deleted && (pipelineId === undefined || s.pipeline_id === pipelineId),
  );
  return listPage(ctx, stages, stageV2);
}

/**
 * A company's own Pipedrive CRM as the emulator keeps it: in memory, per company, with Pipedrive's ids (integers
 * from 1 per company, uuids for leads and lead labels) and the shapes its APIs answer with. Sources: the API v2
 * reference and migration guide (developers.pipedrive.com, "Pipedrive API v2 migration guide"), the v1 reference
 * for leads, lead labels and notes, and the official Node client's models (`pipedrive` 33.x).
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { EmulatorUser } from "./data";
import { dealV2, labelV1, leadV1, noteV1, orgV2, personV2, pipelineV2, stageV2 } from "./crm-shapes";
import type { EmulatorStore } from "./store";

/** An answer of the API other than success; `code` is what v2 adds to schema errors (ERR_SCHEMA_VALIDATION_FAILED). */
export class CrmError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export type Reply = { status: number; body: unknown };

/** What a handler gets: the caller's company and user, the path after the version prefix, the query and body. */
export type Ctx = {
  company: CrmCompany;
  user: EmulatorUser;
  method: string;
  segs: string[];
  query: URLSearchParams;
  body: unknown;
  now: number;
  /** The origin the API is served on (it stands for the company's api_domain). */
  origin: string;
  /** A user of the caller's company by id (owners must be one). */
  userOf: (id: number) => EmulatorUser | undefined;
};

/** Parses a request part; v2 validates strictly and says so with a code, v1 answers a plain 400. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, v2 = true): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.join(".") || "body";
  throw new CrmError(
    400,
    `Validation failed: ${where}: ${issue.message}`,
    v2 ? "ERR_SCHEMA_VALIDATION_FAILED" : undefined,
  );
}

type Base = { id: number; add_time: number; update_time: number; is_deleted: boolean };
type Custom = { custom_fields: Record<string, unknown> };
export type ContactPoint = { value: string; primary: boolean; label: string };
export type Org = Base &
  Custom & {
    name: string;
    owner_id: number;
    visible_to: number;
    label_ids: number[];
    address: Record<string, unknown> | null;
    website: string | null;
    linkedin: string | null;
    industry: number | null;
    annual_revenue: number | null;
    employee_count: number | null;
  };
export type Person = Base &
  Custom & {
    name: string;
    first_name: string;
    last_name: string;
    owner_id: number;
    org_id: number | null;
    emails: ContactPoint[];
    phones: ContactPoint[];
    visible_to: number;
    label_ids: number[];
  };
export type DealStatus = "open" | "won" | "lost";
export type Deal = Base &
  Custom & {
    title: string;
    creator_user_id: number;
    owner_id: number;
    person_id: number | null;
    org_id: number | null;
    pipeline_id: number;
    stage_id: number;
    value: number;
    currency: string;
    status: DealStatus;
    lost_reason: string | null;
    probability: number | null;
    visible_to: number;
    label_ids: number[];
    expected_close_date: string | null;
    stage_change_time: number | null;
    close_time: number | null;
    won_time: number | null;
    lost_time: number | null;
  };
export type Pipeline = Base & { name: string; order_nr: number };
export type Stage = Base & { name: string; order_nr: number; pipeline_id: number };
export type Lead = {
  id: string;
  title: string;
  owner_id: number;
  creator_id: number;
  label_ids: string[];
  person_id: number | null;
  organization_id: number | null;
  value: { amount: number; currency: string } | null;
  expected_close_date: string | null;
  is_archived: boolean;
  was_seen: boolean;
  visible_to: string;
  origin_id: string | null;
  channel: number | null;
  channel_id: string | null;
  add_time: number;
  update_time: number;
};
export type LeadLabel = { id: string; name: string; color: string; add_time: number; update_time: number };
export type Note = {
  id: number;
  content: string;
  user_id: number;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  lead_id: string | null;
  add_time: number;
  update_time: number;
};

/** Every company starts with Pipedrive's default pipeline; Acme (7001) also sells to partners. */
const DEFAULT_STAGES = ["Qualified", "Contact made", "Demo scheduled", "Proposal made", "Negotiations started"];
const EXTRA_PIPELINES: Record<number, [string, string[]][]> = {
  7001: [["Partner customers", ["New install", "Onboarding", "Active", "At risk"]]],
};
/** Pipedrive's default lead labels. */
const DEFAULT_LEAD_LABELS: [string, string][] = [
  ["Hot", "red"],
  ["Warm", "yellow"],
  ["Cold", "blue"],
];

type Counter = "organizations" | "persons" | "deals" | "pipelines" | "stages" | "notes";

export class CrmCompany {
  readonly organizations = new Map<number, Org>();
  readonly persons = new Map<number, Person>();
  readonly deals = new Map<number, Deal>();
  readonly pipelines = new Map<number, Pipeline>();
  readonly stages = new Map<number, Stage>();
  readonly leads = new Map<string, Lead>();
  readonly leadLabels = new Map<string, LeadLabel>();
  readonly notes = new Map<number, Note>();
  /** Calls to v1 endpoints that v2 replaced (answered 410), and all authenticated calls. */
  deprecatedCalls = 0;
  requests = 0;
  private readonly counters: Record<Counter, number> = {
    organizations: 0,
    persons: 0,
    deals: 0,
    pipelines: 0,
    stages: 0,
    notes: 0,
  };

  constructor(
    readonly id: number,
    readonly name: string,
    readonly domain: string,
    now: number,
  ) {
    for (const [pipeline, stages] of [
      ["Pipeline", DEFAULT_STAGES] as [string, string[]],
      ...(EXTRA_PIPELINES[id] ?? []),
    ])
      this.addPipeline(pipeline, stages, now);
    for (const [name, color] of DEFAULT_LEAD_LABELS) {
      const label: LeadLabel = { id: randomUUID(), name, color, add_time: now, update_time: now };
      this.leadLabels.set(label.id, label);
    }
  }

  nextId(kind: Counter) {
    return ++this.counters[kind];
  }

  addPipeline(name: string, stages: string[], now: number) {
    const base = { add_time: now, update_time: now, is_deleted: false };
    const pipeline: Pipeline = { ...base, id: this.nextId("pipelines"), name, order_nr: this.pipelines.size + 1 };
    this.pipelines.set(pipeline.id, pipeline);
    stages.forEach((stage, i) => {
      const id = this.nextId("stages");
      this.stages.set(id, { ...base, id, name: stage, order_nr: i + 1, pipeline_id: pipeline.id });
    });
    return pipeline;
  }

  /** The stages of a pipeline in their order. */
  stagesOf(pipelineId: number) {
    return [...this.stages.values()]
      .filter((s) => s.pipeline_id === pipelineId && !s.is_deleted)
      .sort((a, b) => a.order_nr - b.order_nr);
  }
}

/** A live (not deleted) entity by id, or Pipedrive's 404. */
export function live<T extends { is_deleted: boolean }>(map: Map<number, T>, id: number, label: string): T {
  const found = map.get(id);
  if (!found || found.is_deleted) throw new CrmError(404, `${label} not found`);
  return found;
}

/** How far a token is into its burst window. */
export type RateState = { ok: boolean; limit: number; remaining: number; reset: number; retryAfter: number };

/** The CRM of every company that used the API, the burst windows per token, and the faults tests asked for. */
export class CrmStore {
  readonly companies = new Map<number, CrmCompany>();
  /** The next calls of a company answer these statuses (429 with Retry-After), in order. */
  readonly faults = new Map<number, { statuses: number[]; retryAfter: number }>();
  /** Burst limits per token in a rolling window ("Rate limiting": 80 per 2 s for OAuth apps on Lite; search: 10). */
  readonly limits = { windowMs: 2000, burst: 80, search: 10 };
  private readonly windows = new Map<string, number[]>();

  constructor(readonly store: EmulatorStore) {}

  private owner(companyId: number) {
    return [...this.store.users.values()].find((u) => u.companyId === companyId);
  }

  private make(companyId: number) {
    const user = this.owner(companyId);
    const name = user?.companyName ?? `Company ${companyId}`;
    return new CrmCompany(companyId, name, user?.companyDomain ?? `company-${companyId}`, this.store.now());
  }

  /** The company's CRM, made with its default pipelines on first use. */
  company(companyId: number): CrmCompany {
    let company = this.companies.get(companyId);
    if (!company) this.companies.set(companyId, (company = this.make(companyId)));
    return company;
  }

  /** The company's CRM to look at: what it holds, or how it starts when it never used the API; null if unknown. */
  peek(companyId: number): CrmCompany | null {
    return this.companies.get(companyId) ?? (this.owner(companyId) ? this.make(companyId) : null);
  }

  /** Counts a request in a rolling window; a refused request does not use the window up further. */
  take(key: string, limit: number): RateState {
    const now = this.store.now();
    const times = (this.windows.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    const seconds = (from: number) => Math.max(1, Math.ceil((from + this.limits.windowMs - now) / 1000));
    if (times.length >= limit) {
      this.windows.set(key, times);
      const wait = seconds(times[0]!);
      return { ok: false, limit, remaining: 0, reset: wait, retryAfter: wait };
    }
    times.push(now);
    this.windows.set(key, times);
    return { ok: true, limit, remaining: limit - times.length, reset: seconds(times[0]!), retryAfter: 0 };
  }

  /** Everything a company holds, as the API shows it, with the call counters (GET /__emulator/crm/<id>). */
  snapshot(company: CrmCompany, origin: string) {
    const users = this.store.users;
    return {
      companyId: company.id,
      companyName: company.name,
      organizations: [...company.organizations.values()].map(orgV2),
      persons: [...company.persons.values()].map(personV2),
      deals: [...company.deals.values()].map(dealV2),
      pipelines: [...company.pipelines.values()].map(pipelineV2),
      stages: [...company.stages.values()].map(stageV2),
      leads: [...company.leads.values()].map((l) => leadV1(company, l)),
      leadLabels: [...company.leadLabels.values()].map(labelV1),
      notes: [...company.notes.values()].map((n) => noteV1(company, n, users.get(n.user_id), origin)),
      deprecatedCalls: company.deprecatedCalls,
      requests: company.requests,
    };
  }
}

/**
 * How the API shows the CRM's entities: v2 objects (RFC 3339 times, plain ids, `custom_fields`, as in the v2
 * reference's examples), and the v1 objects of leads, lead labels and notes (as in the v1 reference's examples).
 */
import type { EmulatorUser } from "./data";
import type { CrmCompany, Deal, Lead, LeadLabel, Note, Org, Person, Pipeline, Stage } from "./crm-store";

/** v2 times are RFC 3339 without fractions: "2026-12-07T10:00:00Z". */
export const v2Time = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** Leads and lead labels answer ISO times with milliseconds ("2020-10-14T11:30:36.551Z" in the v1 reference). */
export const leadTime = (ms: number) => new Date(ms).toISOString();
/** The rest of v1 (notes) answers "2019-12-09 13:59:21" (UTC). */
export const v1Time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

/** The entity with `id` first and v2 times, as the API lists fields. */
function stamp<T extends { id: number; add_time: number; update_time: number }>(t: T) {
  const { id, ...rest } = t;
  return { id, ...rest, add_time: v2Time(t.add_time), update_time: v2Time(t.update_time) };
}
export const orgV2 = (o: Org) => stamp(o);
export const personV2 = (p: Person) => stamp(p);
export const pipelineV2 = (p: Pipeline) => ({
  ...stamp(p),
  is_deal_probability_enabled: false,
  is_selected: p.id === 1,
});
export const stageV2 = (s: Stage) => ({
  ...stamp(s),
  deal_probability: 100,
  is_deal_rot_enabled: false,
  days_to_rotten: null,
});
export const dealV2 = (d: Deal) => ({
  ...stamp(d),
  stage_change_time: v2Time(d.stage_change_time),
  close_time: v2Time(d.close_time),
  won_time: v2Time(d.won_time),
  lost_time: v2Time(d.lost_time),
  local_won_date: day(d.won_time),
  local_lost_date: day(d.lost_time),
  local_close_date: day(d.close_time),
  is_archived: false,
  archive_time: null,
  origin: "API",
  origin_id: null,
  channel: null,
  channel_id: null,
  source_lead_id: null,
  acv: null,
  arr: null,
  mrr: null,
});
export const leadV1 = (c: CrmCompany, l: Lead) => ({
  ...l,
  source_name: "API",
  origin: "API",
  next_activity_id: null,
  cc_email: `${c.domain}+${c.id}+lead${l.id.slice(0, 8)}@pipedrivemail.com`,
  add_time: leadTime(l.add_time),
  update_time: leadTime(l.update_time),
});
export const labelV1 = (l: LeadLabel) => ({
  ...l,
  add_time: leadTime(l.add_time),
  update_time: leadTime(l.update_time),
});
/** `user` is the note's author; `callerId` the user making the request (`is_you`). */
export function noteV1(c: CrmCompany, n: Note, user: EmulatorUser | undefined, origin: string, callerId?: number) {
  const org = n.org_id === null ? undefined : c.organizations.get(n.org_id);
  const person = n.person_id === null ? undefined : c.persons.get(n.person_id);
  const deal = n.deal_id === null ? undefined : c.deals.get(n.deal_id);
  return {
    ...n,
    add_time: v1Time(n.add_time),
    update_time: v1Time(n.update_time),
    active_flag: true,
    project_id: null,
    last_update_user_id: n.user_id,
    pinned_to_lead_flag: false,
    pinned_to_deal_flag: false,
    pinned_to_organization_flag: false,
    pinned_to_person_flag: false,
    pinned_to_project_flag: false,
    organization: org ? { name: org.name } : null,
    person: person ? { name: person.name } : null,
    deal: deal ? { title: deal.title } : null,
    user: user
      ? {
          email: user.email,
          name: user.name,
          icon_url: `${origin}/avatars/${user.id}.svg`,
          is_you: user.id === callerId,
        }
      : null,
  };
}

/**
 * Readable pages of what the emulated companies hold in their CRM: `GET /crm` lists the companies that used the
 * API, `GET /crm/<companyId>` shows one company's organizations, persons, deals, leads and notes. The demo points
 * people at them. Every value is escaped: the data comes from API callers.
 */
import type { CrmCompany, CrmStore } from "./crm-store";
import { escapeHtml } from "./html";

const text = (v: unknown) => escapeHtml(v === null || v === undefined ? "" : String(v));

function table(title: string, headers: string[], rows: unknown[][]) {
  const head = `<h2>${text(title)} <small>(${rows.length})</small></h2>`;
  if (rows.length === 0) return `${head}<p class="none">None yet.</p>`;
  const th = headers.map((h) => `<th scope="col">${text(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join("")}</tr>`).join("");
  return `${head}<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function layout(title: string, body: string) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:72rem}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #d0d0d0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}small,.none{color:#595959}
</style></head><body><p>Pipedrive emulator</p>${body}</body></html>`;
}

const deleted = (t: { is_deleted: boolean }) => (t.is_deleted ? " (deleted)" : "");

/** One company's CRM, as a page. */
export function crmCompanyPage(c: CrmCompany): string {
  const org = (id: number | null) => (id === null ? "" : (c.organizations.get(id)?.name ?? `#${id}`));
  const person = (id: number | null) => (id === null ? "" : (c.persons.get(id)?.name ?? `#${id}`));
  const dealTitle = (id: number | null) => (id === null ? "" : (c.deals.get(id)?.title ?? `#${id}`));
  const stage = (pipelineId: number, stageId: number) =>
    `${c.pipelines.get(pipelineId)?.name ?? `#${pipelineId}`} / ${c.stages.get(stageId)?.name ?? `#${stageId}`}`;
  const labels = (ids: string[]) => ids.map((id) => c.leadLabels.get(id)?.name ?? id).join(", ");
  const lead = (id: string | null) => (id === null ? "" : (c.leads.get(id)?.title ?? id));
  const sections = [
    table(
      "Organizations",
      ["ID", "Name", "Address", "Owner"],
      [...c.organizations.values()].map((o) => [o.id, o.name + deleted(o), o.address?.value, o.owner_id]),
    ),
    table(
      "Persons",
      ["ID", "Name", "Emails", "Phones", "Organization"],
      [...c.persons.values()].map((p) => [
        p.id,
        p.name + deleted(p),
        p.emails.map((e) => e.value).join(", "),
        p.phones.map((e) => e.value).join(", "),
        org(p.org_id),
      ]),
    ),
    table(
      "Deals",
      ["ID", "Title", "Organization", "Person", "Pipeline / stage", "Status", "Lost reason", "Value"],
      [...c.deals.values()].map((d) => [
        d.id,
        d.title + deleted(d),
        org(d.org_id),
        person(d.person_id),
        stage(d.pipeline_id, d.stage_id),
        d.status,
        d.lost_reason,
        `${d.value} ${d.currency}`,
      ]),
    ),
    table(
      "Leads",
      ["Title", "Organization", "Person", "Labels", "Archived"],
      [...c.leads.values()].map((l) => [
        l.title,
        org(l.organization_id),
        person(l.person_id),
        labels(l.label_ids),
        l.is_archived ? "yes" : "no",
      ]),
    ),
    table(
      "Notes",
      ["ID", "Content", "Deal", "Lead", "Person", "Organization"],
      [...c.notes.values()].map((n) => [
        n.id,
        n.content,
        dealTitle(n.deal_id),
        lead(n.lead_id),
        person(n.person_id),
        org(n.org_id),
      ]),
    ),
  ];
  const pipelines = [...c.pipelines.values()]
    .map(
      (p) =>
        `${text(p.name)}: ${c
          .stagesOf(p.id)
          .map((s) => text(s.name))
          .join(" → ")}`,
    )
    .join("<br>");
  return layout(
    `${c.name} — CRM`,
    `<h1>${text(c.name)} <small>(company ${text(c.id)})</small></h1><p><a href="/crm">All companies</a></p>` +
      `<p>Pipelines: ${pipelines}</p>${sections.join("")}`,
  );
}

/** The companies that used the CRM API. */
export function crmIndexPage(crm: CrmStore): string {
  const rows = [...crm.companies.values()]
    .map(
      (c) =>
        `<li><a href="/crm/${text(c.id)}">${text(c.name)}</a> <small>(company ${text(c.id)}: ` +
        `${c.organizations.size} organizations, ${c.persons.size} persons, ${c.deals.size} deals, ` +
        `${c.leads.size} leads, ${c.notes.size} notes)</small></li>`,
    )
    .join("");
  return layout(
    "CRM — companies",
    `<h1>Companies' CRM data</h1>${rows ? `<ul>${rows}</ul>` : `<p class="none">No company has used the API yet.</p>`}`,
  );
}

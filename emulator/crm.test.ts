import { v1, v2 } from "pipedrive";
import { beforeEach, describe, expect, it } from "vitest";
import { CLIENT, startTestEmulator } from "./test-client";

const { emu, clock } = await startTestEmulator();
// The clock only moves when a test moves it: each test starts in a fresh rate-limit window.
beforeEach(() => {
  clock.now += 10_000;
});

const tokenFor = (userId: number) => emu.store.issueAccessToken(CLIENT.clientId, userId, "base");
/** A new company with one admin, so a test sees only its own data. */
function freshCompany() {
  const [owner] = emu.store.addCompany(`Co ${Math.random().toString(36).slice(2, 8)}`, [{ name: "Ann Owner" }]);
  return { companyId: owner!.companyId, userId: owner!.id, token: tokenFor(owner!.id) };
}

type Answer = { status: number; headers: Headers; body: Record<string, unknown> };
async function call(token: string | null, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
const holdings = async (companyId: number) =>
  (await (await fetch(`${emu.url}/__emulator/crm/${companyId}`)).json()) as Record<string, unknown[] | number>;

const V2_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the official client (pipedrive 33) against the emulated company API", () => {
  it("creates and reads back an organization, a person and a deal (v2), a lead and a note (v1)", async () => {
    const token = tokenFor(101); // Alice, Acme Sales Tools (7001)
    const config2 = new v2.Configuration({ accessToken: token, basePath: `${emu.url}/api/v2` });
    const config1 = new v1.Configuration({ accessToken: token, basePath: `${emu.url}/v1` });

    const orgs = new v2.OrganizationsApi(config2);
    const org = await orgs.addOrganization({
      AddOrganizationRequest: { name: "Globex", address: { value: "1 Main St, Springfield" } },
    });
    expect(org.success).toBe(true);
    expect(org.data).toMatchObject({ name: "Globex", owner_id: 101, is_deleted: false, label_ids: [] });
    expect(org.data!.add_time).toMatch(V2_TIME);
    expect((await orgs.getOrganization({ id: org.data!.id! })).data).toEqual(org.data);

    const persons = new v2.PersonsApi(config2);
    const person = await persons.addPerson({
      AddPersonRequest: { name: "Hank Scorpio", org_id: org.data!.id!, emails: [{ value: "hank@globex.test" }] },
    });
    expect(person.data).toMatchObject({
      first_name: "Hank",
      last_name: "Scorpio",
      org_id: org.data!.id,
      emails: [{ value: "hank@globex.test", primary: true, label: "work" }],
    });
    expect((await persons.getPerson({ id: person.data!.id! })).data).toEqual(person.data);

    const pipelines = (await new v2.PipelinesApi(config2).getPipelines()).data!;
    expect(pipelines.map((p) => p.name)).toEqual(["Pipeline", "Partner customers"]);
    const partner = pipelines[1]!;
    const stages = (await new v2.StagesApi(config2).getStages({ pipeline_id: partner.id! })).data!;
    expect(stages.map((s) => s.name)).toEqual(["New install", "Onboarding", "Active", "At risk"]);

    const dealsApi = new v2.DealsApi(config2);
    const deal = await dealsApi.addDeal({
      AddDealRequest: {
        ...{ title: "Globex install", org_id: org.data!.id!, person_id: person.data!.id!, value: 1200 },
        ...{ currency: "EUR", pipeline_id: partner.id!, stage_id: stages[1]!.id! },
      },
    });
    expect(deal.data).toMatchObject({ status: "open", stage_id: stages[1]!.id, lost_time: null, creator_user_id: 101 });
    expect((await dealsApi.getDeal({ id: deal.data!.id! })).data).toEqual(deal.data);

    const hot = (await new v1.LeadLabelsApi(config1).getLeadLabels()).data!.find((l) => l.name === "Hot")!;
    const leads = new v1.LeadsApi(config1);
    const lead = await leads.addLead({
      AddLeadRequest: {
        ...{ title: "Globex upsell", organization_id: org.data!.id!, person_id: person.data!.id! },
        ...{ label_ids: [hot.id], value: { amount: 500, currency: "EUR" } },
      },
    });
    expect(lead.data).toMatchObject({
      title: "Globex upsell",
      label_ids: [hot.id],
      is_archived: false,
      source_name: "API",
    });
    expect(lead.data!.id).toMatch(UUID);
    expect((await leads.getLead({ id: lead.data!.id })).data).toEqual(lead.data);

    const notes = new v1.NotesApi(config1);
    const note = await notes.addNote({ AddNoteRequest: { content: "Kick-off booked", deal_id: deal.data!.id! } });
    expect(note.data).toMatchObject({ content: "Kick-off booked", deal: { title: "Globex install" } });
    expect(note.data!.add_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await notes.getNotes({ deal_id: deal.data!.id! })).data).toEqual([note.data]);

    const held = await holdings(7001);
    expect(held).toMatchObject({ companyName: "Acme Sales Tools", deprecatedCalls: 0 });
    expect((held.deals as { title: string }[]).map((d) => d.title)).toContain("Globex install");
  });

  it("rejects with the API's error body, which the client passes on", async () => {
    const config2 = new v2.Configuration({ accessToken: freshCompany().token, basePath: `${emu.url}/api/v2` });
    await expect(new v2.DealsApi(config2).getDeal({ id: 999 })).rejects.toEqual({
      success: false,
      error: "Deal not found",
      error_info: "Please check developers.pipedrive.com for more information about Pipedrive API.",
      data: null,
      additional_data: null,
    });
  });
});

describe("v2 lists and search", () => {
  it("pages organizations with a cursor, ids counting from 1 in each company", async () => {
    const { token } = freshCompany();
    for (const name of ["A1", "A2", "A3", "A4", "A5"]) await call(token, "POST", "/api/v2/organizations", { name });
    const seen: number[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(token, "GET", `/api/v2/organizations?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.data as { id: number }[]).map((o) => o.id));
      cursor = (page.body.additional_data as { next_cursor: string | null }).next_cursor;
      cursors.push(cursor);
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(cursors).toHaveLength(3);
    expect(cursors[2]).toBeNull();
    const tooMany = await call(token, "GET", "/api/v2/organizations?limit=501");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe("ERR_SCHEMA_VALIDATION_FAILED");
  });

  it("searches with exact_match (case-insensitive) and by substring", async () => {
    const { token } = freshCompany();
    await call(token, "POST", "/api/v2/organizations", { name: "Initech" });
    await call(token, "POST", "/api/v2/organizations", { name: "Initech Holdings" });
    const exact = await call(token, "GET", "/api/v2/organizations/search?term=initech&fields=name&exact_match=true");
    expect(exact.body).toEqual({
      success: true,
      data: {
        items: [
          {
            result_score: 1,
            item: {
              ...{ id: 1, type: "organization", name: "Initech", address: null, visible_to: 3 },
              ...{ owner: { id: expect.any(Number) }, custom_fields: [], notes: [] },
            },
          },
        ],
      },
      additional_data: { next_cursor: null },
    });
    const loose = await call(token, "GET", "/api/v2/organizations/search?term=initech");
    expect((loose.body.data as { items: unknown[] }).items).toHaveLength(2);
    expect((await call(token, "GET", "/api/v2/organizations/search?term=i")).status).toBe(400);

    await call(token, "POST", "/api/v2/persons", { name: "Bill Lumbergh", emails: [{ value: "bill@initech.test" }] });
    const byEmail = await call(
      token,
      "GET",
      "/api/v2/persons/search?term=BILL@initech.test&fields=email&exact_match=true",
    );
    expect(byEmail.body.data).toMatchObject({ items: [{ item: { type: "person", emails: ["bill@initech.test"] } }] });
    const deal = await call(token, "POST", "/api/v2/deals", { title: "TPS reports" });
    const byTitle = await call(token, "GET", "/api/v2/deals/search?term=tps reports&fields=title&exact_match=true");
    expect(byTitle.body.data).toMatchObject({
      items: [{ item: { id: (deal.body.data as { id: number }).id, stage: { name: "Qualified" } } }],
    });
  });
});

describe("v2 validation and deal states", () => {
  it("answers 400 for a deal without title, a stage of another pipeline, or a number sent as a string", async () => {
    const token = tokenFor(102); // Acme: has the "Partner customers" pipeline (stages 6 to 9)
    const noTitle = await call(token, "POST", "/api/v2/deals", { value: 10 });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body).toMatchObject({
      success: false,
      error: expect.stringContaining("title"),
      code: "ERR_SCHEMA_VALIDATION_FAILED",
      error_info: "Please check developers.pipedrive.com for more information about Pipedrive API.",
      data: null,
      additional_data: null,
    });
    const wrongStage = await call(token, "POST", "/api/v2/deals", { title: "Mixed", pipeline_id: 1, stage_id: 7 });
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.body.error).toBe("Stage with id 7 does not belong to pipeline with id 1");
    expect((await call(token, "POST", "/api/v2/deals", { title: "Ghost stage", stage_id: 99 })).status).toBe(400);
    expect((await call(token, "POST", "/api/v2/deals", { title: "Text value", value: "100" })).status).toBe(400);
    const followsStage = await call(token, "POST", "/api/v2/deals", { title: "Partner", stage_id: 7 });
    expect(followsStage.body.data).toMatchObject({ pipeline_id: 2, stage_id: 7 });
  });

  it("sets lost_time when a deal is lost and clears it when the deal is reopened", async () => {
    const { token } = freshCompany();
    const created = await call(token, "POST", "/api/v2/deals", { title: "Renewal" });
    const id = (created.body.data as { id: number }).id;
    clock.now += 60_000;
    const lost = await call(token, "PATCH", `/api/v2/deals/${id}`, { status: "lost", lost_reason: "Went quiet" });
    expect(lost.body.data).toMatchObject({ status: "lost", lost_reason: "Went quiet", close_time: expect.any(String) });
    expect((lost.body.data as { lost_time: string }).lost_time).toMatch(V2_TIME);
    const reopened = await call(token, "PATCH", `/api/v2/deals/${id}`, { status: "open" });
    expect(reopened.body.data).toMatchObject({ status: "open", lost_time: null, close_time: null });
    const onlyLost = await call(token, "GET", "/api/v2/deals?status=lost");
    expect(onlyLost.body.data).toEqual([]);
  });

  it("answers 404 in the API's envelope for an unknown id, and after a delete", async () => {
    const { token } = freshCompany();
    const missing = await call(token, "GET", "/api/v2/persons/42");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: "Person not found", data: null });
    await call(token, "POST", "/api/v2/persons", { name: "Temp" });
    expect((await call(token, "DELETE", "/api/v2/persons/1")).body).toEqual({ success: true, data: { id: 1 } });
    expect((await call(token, "PATCH", "/api/v2/persons/1", { name: "Back" })).status).toBe(404);
    expect((await call(token, "GET", "/api/v2/persons")).body.data).toEqual([]);
  });
});

describe("authentication, deprecation and rate limits", () => {
  it("answers 401 without a valid access token", async () => {
    const expected = {
      success: false,
      error: "unauthorized access",
      errorCode: 401,
      error_info: "Please check developers.pipedrive.com",
    };
    for (const token of [null, "not-a-token"]) {
      const res = await call(token, "GET", "/api/v2/deals");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected);
    }
  });

  it("answers 410 for the v1 endpoints v2 replaced, naming the v2 call, and counts them", async () => {
    const { token, companyId } = freshCompany();
    const list = await call(token, "GET", "/v1/deals?start=0");
    expect(list.status).toBe(410);
    expect(list.body).toMatchObject({ success: false, error: expect.stringContaining("GET /api/v2/deals") });
    const put = await call(token, "PUT", "/api/v1/organizations/3", { name: "x" });
    expect(put.body.error).toContain("PATCH /api/v2/organizations/3");
    const sub = await call(token, "GET", "/v1/persons/5/deals");
    expect(sub.body.error).toContain("GET /api/v2/deals?person_id=5");
    expect((await call(token, "GET", "/v1/users/me")).status).toBe(200);
    expect((await call(token, "GET", "/v1/leads")).status).toBe(200);
    expect(await holdings(companyId)).toMatchObject({ deprecatedCalls: 3, requests: 4 });
  });

  it("sends the burst headers, and 429 with Retry-After beyond 80 calls in 2 seconds", async () => {
    const { token } = freshCompany();
    const first = await call(token, "GET", "/api/v2/pipelines");
    expect(
      Object.fromEntries(["limit", "remaining", "reset"].map((k) => [k, first.headers.get(`x-ratelimit-${k}`)])),
    ).toEqual({
      limit: "80",
      remaining: "79",
      reset: "2",
    });
    await Promise.all(Array.from({ length: 79 }, () => call(token, "GET", "/api/v2/stages")));
    const over = await call(token, "GET", "/api/v2/deals");
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("2");
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(over.body).toMatchObject({ success: false, error: "Request over limit", errorCode: 429 });
    clock.now += 2_000;
    expect((await call(token, "GET", "/api/v2/deals")).status).toBe(200);
  });

  it("limits search to 10 calls in 2 seconds", async () => {
    const { token } = freshCompany();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await call(token, "GET", "/api/v2/persons/search?term=zz"));
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers[9]!.headers.get("x-ratelimit-limit")).toBe("10");
    expect(answers[10]!.status).toBe(429);
  });

  it("answers the statuses a test asks for, 429 with Retry-After, without changing data, then works", async () => {
    const { token, companyId } = freshCompany();
    const fault = await fetch(`${emu.url}/__emulator/crm/faults`, {
      method: "POST",
      body: JSON.stringify({ companyId, statuses: [429, 429, 503], retryAfter: 3 }),
    });
    expect(fault.status).toBe(200);
    for (const expected of [429, 429]) {
      const res = await call(token, "POST", "/api/v2/organizations", { name: "Retry Co" });
      expect(res.status).toBe(expected);
      expect(res.headers.get("retry-after")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(res.body).toMatchObject({ error: "Request over limit", errorCode: 429 });
    }
    const unavailable = await call(token, "POST", "/api/v2/organizations", { name: "Retry Co" });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ success: false, error: "Service Unavailable", data: null });
    expect((await holdings(companyId)).organizations).toEqual([]);
    const created = await call(token, "POST", "/api/v2/organizations", { name: "Retry Co" });
    expect(created.body.data).toMatchObject({ id: 1, name: "Retry Co" });
  });
});

describe("v1 leads and notes", () => {
  it("pages leads with a flat additional_data, archives them, and refuses a lead linked to nothing", async () => {
    const { token } = freshCompany();
    await call(token, "POST", "/api/v2/organizations", { name: "Vandelay" });
    for (const title of ["L1", "L2", "L3"]) {
      const created = await call(token, "POST", "/v1/leads", { title, organization_id: 1 });
      expect(created.status).toBe(201);
    }
    const page = await call(token, "GET", "/v1/leads?start=0&limit=2");
    expect(page.body.additional_data).toEqual({ start: 0, limit: 2, more_items_in_collection: true });
    const id = (page.body.data as { id: string }[])[0]!.id;
    const archived = await call(token, "PATCH", `/api/v1/leads/${id}`, { is_archived: true });
    expect(archived.body.data).toMatchObject({ is_archived: true });
    expect((await call(token, "GET", "/v1/leads")).body.data).toHaveLength(2);
    const linked = await call(token, "POST", "/v1/leads", { title: "Nobody" });
    expect(linked.status).toBe(400);
    expect(linked.body).not.toHaveProperty("code");
    expect((await call(token, "POST", "/v1/leads", { title: "Ghost", person_id: 77 })).status).toBe(400);
  });

  it("needs content and an existing deal, lead, person or organization for a note", async () => {
    const { token } = freshCompany();
    expect((await call(token, "POST", "/v1/notes", { content: "Floating" })).status).toBe(400);
    const ghost = await call(token, "POST", "/v1/notes", { content: "On nothing", deal_id: 5 });
    expect(ghost.body.error).toBe(
      "Cannot add/update note because deal does not exist or you have no permissions to access this deal.",
    );
    await call(token, "POST", "/api/v2/deals", { title: "Noted" });
    expect((await call(token, "POST", "/v1/notes", { content: "", deal_id: 1 })).status).toBe(400);
    const listed = await call(token, "GET", "/v1/notes?deal_id=1");
    expect(listed.body.additional_data).toEqual({
      pagination: { start: 0, limit: 100, more_items_in_collection: false },
    });
  });
});

describe("the company's CRM pages", () => {
  it("list what a company holds, escaping every value", async () => {
    const { token, companyId } = freshCompany();
    const hostile = "<img src=x onerror=alert(1)>";
    await call(token, "POST", "/api/v2/organizations", { name: hostile });
    await call(token, "POST", "/api/v2/deals", { title: hostile, org_id: 1, status: "lost", lost_reason: hostile });
    const page = await fetch(`${emu.url}/crm/${companyId}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Pipeline / Qualified");
    const index = await (await fetch(`${emu.url}/crm`)).text();
    expect(index).toContain(`href="/crm/${companyId}"`);
    expect((await fetch(`${emu.url}/crm/123456`)).status).toBe(404);
  });

  it("sends a link to a record in Pipedrive's web app (as Listing Studio makes them) to that list", async () => {
    for (const path of ["/organization/1", "/person/2", "/deal/3", "/leads/inbox/abc"]) {
      const res = await fetch(`${emu.url}${path}`, { redirect: "manual" });
      expect([res.status, res.headers.get("location")], path).toEqual([302, "/crm"]);
    }
  });
});

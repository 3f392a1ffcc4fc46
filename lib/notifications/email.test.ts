import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/authz";
import { setupTestDatabase } from "@/lib/test/db";
import { addMember, createOwner } from "@/lib/test/members";
import { startSmtpServer } from "@/lib/test/smtp";

setupTestDatabase();
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.AUTH_URL = "http://localhost:3999";
const { db } = await import("@/lib/db");
const { notify } = await import("./notify");
const { sendPendingEmails, sendTestEmail } = await import("./email");
const unsubscribeRoute = await import("@/app/unsubscribe/[token]/route");
const { NextRequest } = await import("next/server");
afterAll(() => smtp.close());

let owner: Member;
let editor: Member;
beforeAll(async () => {
  owner = await createOwner(db, 801, "Olga Owner");
  editor = await addMember(db, owner, "EDITOR", "Eddie Editor");
  await db.user.update({ where: { id: owner.user.id }, data: { email: "olga@acme.example.com" } });
  await db.user.update({ where: { id: editor.user.id }, data: { email: "eddie@acme.example.com" } });
});

const mailTo = (address: string) => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address));

describe("notification emails through SMTP", () => {
  it("emails an alert at once, to each member, with a List-Unsubscribe link", async () => {
    await notify(owner.workspace.id, {
      kind: "ALERT",
      title: "Low rating: 1 star for QuoteFlow from Ann",
      link: "/reviews",
    });
    expect(await sendPendingEmails()).toEqual({ sent: 2, skipped: 0 });
    await smtp.received(2);
    const mail = mailTo("olga@acme.example.com")[0]!;
    expect(mail.subject).toBe(`Low rating: 1 star for QuoteFlow from Ann · ${owner.workspace.name}`);
    expect(mail.text).toContain("http://localhost:3999/reviews");
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line.replace(/\r\n\s+/g, " ")).toMatch(
      /^List-Unsubscribe: <http:\/\/localhost:3999\/unsubscribe\/[\w-]+\.[\w-]+>$/,
    );
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    // Sent once: nothing is pending any more.
    expect(await sendPendingEmails()).toEqual({ sent: 0, skipped: 0 });
  });

  it("a title quoting a stranger arrives as text: no hidden characters in the notification, the subject or the body; HTML escaped", async () => {
    const stranger = "\u202Egnp.exe\u202C <b>Support</b> Team\u200B\r\nBcc: victim@example.com";
    await db.workspace.update({ where: { id: owner.workspace.id }, data: { name: `Acme\u2066 <i>Tools</i>` } });
    await notify(owner.workspace.id, {
      kind: "ALERT",
      title: `Low rating: 1 star for QuoteFlow from ${stranger}`,
      link: "/reviews",
    });
    const stored = await db.notification.findFirstOrThrow({
      where: { userId: owner.user.id },
      orderBy: { createdAt: "desc" },
    });
    expect(stored.title).toBe(
      "Low rating: 1 star for QuoteFlow from gnp.exe <b>Support</b> Team Bcc: victim@example.com",
    );
    const before = smtp.messages.length;
    expect(await sendPendingEmails()).toEqual({ sent: 2, skipped: 0 });
    await smtp.received(before + 2);
    const mail = smtp.messages.slice(before).find((m) => JSON.stringify(m.to).includes("olga@acme.example.com"))!;
    expect(mail.subject).toBe(`${stored.title} · Acme <i>Tools</i>`);
    expect(JSON.stringify(mail.to)).not.toContain("victim");
    expect(mail.headerLines.some((h) => h.key === "bcc")).toBe(false);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    expect(mail.html).toContain("&#60;b&#62;Support&#60;/b&#62;");
    expect(mail.html).not.toContain("<b>Support");
    await db.workspace.update({ where: { id: owner.workspace.id }, data: { name: owner.workspace.name } });
  });

  it("keeps the other kinds for the daily digest: one email per person with all of them", async () => {
    const day = new Date("2026-11-28T08:00:00Z");
    await notify(
      owner.workspace.id,
      { kind: "NEW_REVIEW", title: "2 new reviews of QuoteFlow (4★, 5★)", link: "/reviews" },
      { now: day },
    );
    await notify(
      owner.workspace.id,
      { kind: "RANK_CHANGE", title: "QuoteFlow moved from #9 to #5 in Top rated", link: "/apps/x/positions" },
      { now: day },
    );
    expect(await sendPendingEmails({ now: new Date("2026-11-28T20:00:00Z") })).toEqual({ sent: 0, skipped: 0 });
    expect(await sendPendingEmails({ now: new Date("2026-11-29T08:00:00Z") })).toEqual({ sent: 2, skipped: 0 });
    await smtp.received(4);
    const digest = mailTo("eddie@acme.example.com").at(-1)!;
    expect(digest.subject).toBe(`2 updates in ${owner.workspace.name} · Listing Studio`);
    expect(digest.text).toContain("NEW REVIEWS");
    expect(digest.text).toContain("POSITION CHANGES");
  });

  it("an unsubscribe link asks first, then turns that kind off for that person only; a forged one does nothing", async () => {
    const mail = mailTo("eddie@acme.example.com").at(-1)!;
    const link = /http:\/\/localhost:3999(\/unsubscribe\/[\w.-]+)/.exec(String(mail.text))!;
    const request = (method: string, path = link[1]!) => new NextRequest(`http://localhost:3999${path}`, { method });
    const params = (path = link[1]!) => ({ params: Promise.resolve({ token: path.split("/").pop()! }) });
    const ask = await unsubscribeRoute.GET(request("GET"), params());
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Stop emails about new reviews");
    expect(await db.notificationPreference.count({ where: { userId: editor.user.id } })).toBe(0);

    const forged = link[1]!.replace(/\.[\w-]+$/, ".forged");
    expect((await unsubscribeRoute.POST(request("POST", forged), params(forged))).status).toBe(404);

    const done = await unsubscribeRoute.POST(request("POST"), params());
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("You will no longer get emails about new reviews");
    expect(await db.notificationPreference.findMany({ where: { userId: editor.user.id } })).toMatchObject([
      { kind: "NEW_REVIEW", email: false, inApp: true },
    ]);

    // The preference is respected: the next new-review notification is in the app only for Eddie.
    await notify(owner.workspace.id, { kind: "NEW_REVIEW", title: "1 new review of QuoteFlow (2★)", link: "/reviews" });
    const rows = await db.notification.findMany({
      where: { title: "1 new review of QuoteFlow (2★)" },
      orderBy: { userId: "asc" },
    });
    expect(rows.map((r) => [r.userId === editor.user.id ? "eddie" : "olga", r.inApp, r.emailState]).sort()).toEqual([
      ["eddie", true, null],
      ["olga", true, "PENDING"],
    ]);
  });
});

describe("a test email", () => {
  it("reaches the person who asked, at once, and says what the mail server answered", async () => {
    const before = mailTo("olga@acme.example.com").length;
    const sent = await sendTestEmail(owner);
    expect(sent.to).toBe("olga@acme.example.com");
    expect(sent.answer).toMatch(/^250/);
    await smtp.received(smtp.messages.length);
    const mail = mailTo("olga@acme.example.com");
    expect(mail).toHaveLength(before + 1);
    expect(mail.at(-1)!.subject).toBe(`Test email from Listing Studio (${owner.workspace.name})`);
  });

  it("says why it cannot: no address on the profile, too many at once", async () => {
    const nobody = await addMember(db, owner, "VIEWER", "No Address");
    await expect(sendTestEmail(nobody)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Your Pipedrive profile has no email address, so no email can reach you",
    });
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(
        await sendTestEmail(editor).then(
          () => "sent",
          (e: { code: string }) => e.code,
        ),
      );
    expect(tries.filter((t) => t === "sent").length).toBeLessThanOrEqual(5);
    await expect(sendTestEmail(editor)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

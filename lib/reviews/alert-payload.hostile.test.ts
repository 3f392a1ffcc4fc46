import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertTitle, jsonPayload, slackPayload, type AlertData, type AlertInput } from "./alert-payload";

/**
 * What strangers write — reviewers' names and texts, competitors' names and listings, list names,
 * and the names of apps and workspaces — never speaks through a partner's Slack: no mention, no
 * link, no formatting, no hidden characters; the JSON document carries it as plain data.
 */
const HOSTILE = [
  "<!channel> <!here> Support Team",
  "<https://evil.example/login|Click here to re-authorize> <@U0ADMIN>",
  "<!subteam^S0123|@admins> <#C0123|general> <!everyone> <mailto:a@evil.example|mail>",
  "*bold* _italic_ ~strike~ `code` ```block``` ＊wide＊ ＿wide＿ ｀wide｀",
  "> a fake quote\n>> nested\n＞ wide quote",
  "&lt;!channel&gt; &amp; already escaped",
  "@channel @here #general https://evil.example/login www.evil.example",
  "\u202Egnp.exe\u202C \u2066isolated\u2069 Sup\u200Bport\uFEFF \u200Fmark\u00AD",
  ":rotating_light: <!date^0^{date}|x>",
];
const LINK = "https://studio.example/reviews?app=app1&status=new";

const input = (outside: string, data: AlertData): AlertInput => ({
  id: "al1",
  createdAt: new Date("2026-11-28T10:00:00Z"),
  app: { id: "app1", name: outside },
  workspace: { name: outside },
  data,
  link: LINK,
});
const everyType = (t: string): AlertData[] => [
  { type: "NEW_REVIEW", review: { id: "r", author: t, stars: 1, text: t, reviewedAt: null } },
  { type: "LOW_RATING", review: { id: "r", author: t, stars: 2, text: t, reviewedAt: null } },
  { type: "RATING_DROP", from: 4.5, to: 4.1, since: "2026-11-21T00:00:00Z" },
  { type: "SYNC_FAILING", failures: 3, error: t },
  { type: "RANK_CHANGE", list: t, from: 3, to: 9 },
  { type: "REVIEW_SURGE", today: 9, usual: 1, day: "2026-11-28" },
  {
    type: "COMPETITOR_CHANGE",
    competitor: { id: "c", name: t },
    fields: [{ field: "summary", before: t, after: t }],
  },
];

/** Every mrkdwn text object of a payload, and its fallback text. */
function texts(payload: ReturnType<typeof slackPayload>): string[] {
  const found: string[] = [payload.text];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn") {
        expect(o.verbatim, "every mrkdwn object is verbatim").toBe(true);
        found.push(o.text as string);
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(payload.blocks);
  return found;
}

/** What is left of a text once Listing Studio's own link and quote markers (a review's lines) are taken out. */
const withoutOwnLink = (text: string) =>
  text.replace(`<${LINK.replace("&", "&amp;")}|Open in Listing Studio>`, "").replace(/^>/gm, "");
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/;

function assertSafe(payload: ReturnType<typeof slackPayload>, outside: string) {
  for (const text of texts(payload)) {
    const rest = withoutOwnLink(text);
    // No `<!…>`, `<@…>`, `<#…>`, `<http…|…>` nor any other control sequence: no raw `<` or `>` at all.
    expect(rest).not.toMatch(/[<>]/);
    expect(rest).not.toMatch(HIDDEN);
    // Outside formatting characters never reach Slack as themselves; ours are pairs around our own words.
    for (const c of ["_", "~", "`", "＊", "＿", "｀"]) if (outside.includes(c)) expect(rest).not.toContain(c);
    // A line never starts with a quote marker that came from outside.
    for (const line of rest.split("\n")) expect(line).not.toMatch(/^\s*(&gt;|＞)/);
  }
}

describe("Slack messages built from hostile text", () => {
  it.each(HOSTILE)("%j: no mention, link, formatting or hidden character of its own", (text) => {
    for (const data of everyType(text)) {
      const payload = slackPayload(input(text, data));
      assertSafe(payload, text);
      const rest = texts(payload).map(withoutOwnLink).join("\n");
      for (const marker of ["<!", "<@", "<#", "<http", "<mailto"]) expect(rest).not.toContain(marker);
      expect(payload).toMatchObject({ unfurl_links: false, unfurl_media: false });
    }
  });

  it("keeps what the text says readable: escaped, not dropped", () => {
    const payload = slackPayload(input("Acme", everyType(HOSTILE[0]!)[0]!));
    expect(payload.blocks[0]!.text!.text).toContain("&lt;!channel&gt; &lt;!here&gt; Support Team");
    const quoted = slackPayload(input("Acme", everyType(HOSTILE[4]!)[0]!)).blocks[0]!.text!.text;
    expect(quoted).toContain(">\u00AD&gt; a fake quote\n>\u00AD&gt;&gt; nested");
  });

  it("holds for any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        for (const data of everyType(text)) {
          const rest = texts(slackPayload(input(text, data))).map(withoutOwnLink);
          for (const t of rest) expect(t).not.toMatch(/[<>]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the JSON document and titles built from hostile text", () => {
  it("carry the text as data, without hidden characters", () => {
    const text = HOSTILE[7]!;
    for (const data of everyType(text)) {
      const json = jsonPayload(input(text, data));
      expect(JSON.stringify(json)).not.toMatch(HIDDEN);
      expect(alertTitle(text, data)).not.toMatch(HIDDEN);
      expect(alertTitle(`a\nb${text}`, data)).not.toContain("\n");
    }
    expect(jsonPayload(input("x", everyType(HOSTILE[0]!)[0]!)).data).toMatchObject({
      review: { author: "<!channel> <!here> Support Team" },
    });
  });
});

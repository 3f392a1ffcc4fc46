import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertTitle, jsonPayload, slackPayload, type AlertData, type AlertInput } from "./payload";

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

/** A text without Listing Studio's own link; a line keeps at most one `>` of ours (a review's quote). */
const withoutOwnLink = (text: string) => text.replace(`<${LINK.replace("&", "&amp;")}|Open in Listing Studio>`, "");
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/;
const stars = (payload: ReturnType<typeof slackPayload>) => texts(payload).join("").split("*").length;

function assertSafe(
  payload: ReturnType<typeof slackPayload>,
  outside: string,
  benign: ReturnType<typeof slackPayload>,
) {
  for (const text of texts(payload)) {
    const rest = withoutOwnLink(text);
    for (const line of rest.split("\n")) {
      // No `<!…>`, `<@…>`, `<#…>`, `<http…|…>` nor any other control sequence: no raw `<` or `>`,
      // but the one `>` that starts a line of a quoted review.
      expect(line.replace(/^>/, "")).not.toMatch(/[<>]/);
      // And no line starts a quote of its own with what came from outside.
      expect(line.replace(/^>/, "")).not.toMatch(/^\s*(&gt;|＞)/);
    }
    expect(rest).not.toMatch(HIDDEN);
    // Outside formatting characters never reach Slack as themselves.
    for (const c of ["_", "~", "`", "＊", "＿", "｀"]) if (outside.includes(c)) expect(rest).not.toContain(c);
  }
  // The only `*` are ours: as many as in the same message about harmless words.
  expect(stars(payload)).toBe(stars(benign));
}

describe("Slack messages built from hostile text", () => {
  it.each(HOSTILE)("%j: no mention, link, formatting or hidden character of its own", (text) => {
    const benign = everyType("harmless words");
    for (const [i, data] of everyType(text).entries()) {
      const payload = slackPayload(input(text, data));
      assertSafe(payload, text, slackPayload(input("harmless words", benign[i]!)));
      const rest = texts(payload).map(withoutOwnLink).join("\n");
      for (const marker of ["<!", "<@", "<#", "<http", "<mailto"]) expect(rest).not.toContain(marker);
      expect(payload).toMatchObject({ unfurl_links: false, unfurl_media: false });
    }
  });

  it("says nothing a stranger wrote in the notification text, which Slack reads without verbatim", () => {
    const words = HOSTILE[6]!;
    for (const data of everyType(words)) {
      const fallback = slackPayload({ ...input("Acme", data), app: { id: "app1", name: "QuoteFlow" } }).text;
      for (const word of ["@channel", "@here", "#general", "evil.example"]) expect(fallback).not.toContain(word);
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
          for (const t of texts(slackPayload(input(text, data))).map(withoutOwnLink))
            for (const line of t.split("\n")) expect(line.replace(/^>/, "")).not.toMatch(/[<>]/);
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

import { describe, expect, it } from "vitest";
import { buildEmail, type EmailItem } from "./digest";

const at = (iso: string) => new Date(iso);
const options = {
  workspace: "Acme <Sales>",
  appUrl: "https://studio.example.com/",
  unsubscribeUrl: (kind: string) => `https://studio.example.com/unsubscribe/${kind.toLowerCase()}`,
};

describe("notification emails", () => {
  it("one alert: its title is the subject, its link and its kind's unsubscribe link are in it", () => {
    const email = buildEmail(
      [
        {
          kind: "ALERT",
          title: "Low rating: 1 star for QuoteFlow",
          body: null,
          link: "/reviews?app=a1",
          createdAt: at("2026-11-29T10:00:00Z"),
        },
      ],
      options,
    );
    expect(email.subject).toBe("Low rating: 1 star for QuoteFlow · Acme <Sales>");
    expect(email.text).toContain("https://studio.example.com/reviews?app=a1");
    expect(email.unsubscribe).toBe("https://studio.example.com/unsubscribe/alert");
    expect(email.html).toContain('href="https://studio.example.com/unsubscribe/alert"');
    expect(email.html).toContain("Low rating: 1 star for QuoteFlow");
  });

  it("a digest: grouped by kind, newest first in each, one unsubscribe link per kind, everything escaped", () => {
    const items: EmailItem[] = [
      {
        kind: "NEW_REVIEW",
        title: "2 new reviews of QuoteFlow (1★, 5★)",
        body: "Ann: <b>great</b>",
        link: "/reviews",
        createdAt: at("2026-11-28T08:00:00Z"),
      },
      {
        kind: "RANK_CHANGE",
        title: "QuoteFlow moved from #9 to #5 in Top rated",
        body: null,
        link: "/apps/a1/positions",
        createdAt: at("2026-11-28T09:00:00Z"),
      },
      {
        kind: "NEW_REVIEW",
        title: "1 new review of CallSprout (4★)",
        body: null,
        link: "/reviews",
        createdAt: at("2026-11-28T12:00:00Z"),
      },
    ];
    const email = buildEmail(items, options);
    expect(email.subject).toBe("3 updates in Acme <Sales> · Listing Studio");
    const text = email.text;
    expect(text.indexOf("NEW REVIEWS")).toBeLessThan(text.indexOf("POSITION CHANGES"));
    expect(text.indexOf("CallSprout")).toBeLessThan(text.indexOf("2 new reviews of QuoteFlow"));
    expect(text.match(/Stop these emails: /g)).toHaveLength(2);
    expect(text).toContain("https://studio.example.com/unsubscribe/rank_change");
    expect(email.html).toContain("Ann: &#60;b&#62;great&#60;/b&#62;");
    expect(email.html).not.toContain("<b>great</b>");
    expect(email.html).toContain("Acme &#60;Sales&#62;");
  });

  it("refuses an empty email", () => {
    expect(() => buildEmail([], options)).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { plainLine, plainText, slackText } from "./outside-text";

describe("plainText: outside text without what hides in it", () => {
  it.each([
    ["bidi overrides and embeddings", "\u202Egnp.exe\u202C \u202Aa\u202B\u202Db", "gnp.exe ab"],
    ["isolates and marks", "\u2066x\u2069 \u2067y\u2068 \u200Ez\u200F\u061C", "x y z"],
    [
      "zero-width spaces, word joiners, byte-order marks, soft hyphens",
      "Sup\u200Bport\u2060 Te\uFEFFam\u00AD",
      "Support Team",
    ],
    ["control characters", "a\u0000b\u0007c\u001Bd\u007Fe\u0085f", "abcdef"],
    ["a joiner that joins nothing", "\u200DAnn\u200C \u200D", "Ann "],
    ["Hangul fillers that pass for a blank name", "\u3164\u115F\u1160\uFFA0Bob", "Bob"],
    ["tag characters that hide text", "Hi\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}", "Hi"],
    ["line and paragraph separators (as line breaks)", "one\u2028two\u2029three", "one\ntwo\nthree"],
  ])("removes %s", (_what, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it.each([
    ["an emoji family (joined by ZWJ)", "👨\u200D👩\u200D👧 team"],
    ["a skin-toned emoji sequence", "🏃🏽\u200D♀\uFE0F runs"],
    ["Persian with a zero-width non-joiner", "می\u200Cخواهم"],
    ["an Indic conjunct with a joiner", "क\u094D\u200Dष"],
    ["line breaks and tabs", "first\n\tsecond"],
    ["right-to-left text itself", "مرحبا Hello שלום"],
    ["a subdivision flag (tag characters)", "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland"],
  ])("keeps %s", (_what, text) => {
    expect(plainText(text)).toBe(text);
  });

  it("plainLine makes one line of it", () => {
    expect(plainLine("  Acme\r\nBcc: x@y\u202E  ")).toBe("Acme Bcc: x@y");
  });
});

describe("slackText: any text as Slack shows it, never as Slack acts on it", () => {
  it.each([
    ["<!channel> & <@U1>", "&lt;!channel&gt; &amp; &lt;@U1&gt;"],
    ["<https://evil.example|Log in>", "&lt;https://evil.example|Log in&gt;"],
    ["*bold* _it_ ~s~ `c`", "\u2217bold\u2217 \u02CDit\u02CD \u223Cs\u223C \u02CBc\u02CB"],
    ["> quote\n ＞ wide\nnot > quote", "\u00AD&gt; quote\n \u00AD＞ wide\nnot &gt; quote"],
    ["&amp;", "&amp;amp;"],
    ["\u202Eevil", "evil"],
  ])("%j", (input, expected) => {
    expect(slackText(input)).toBe(expected);
  });
});

import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvLine, toCsv } from "./csv";

const HOSTILE = [
  '=HYPERLINK("https://evil.example","Click")',
  "+1+2",
  "-2+3",
  "@SUM(A1:A2)",
  "\tindented",
  "\rreturn",
  '=cmd|" /C calc"!A0\nsecond line',
];

describe("CSV writer", () => {
  it("neutralises every cell a spreadsheet would read as a formula, and keeps it readable", () => {
    const csv = toCsv([["name"], ...HOSTILE.map((h) => [h])]);
    const cells = Papa.parse<string[]>(csv)
      .data.slice(1)
      .map((r) => r[0]!);
    expect(cells).toEqual(HOSTILE.map((h) => `'${h}`));
  });

  it("leaves numbers (negative ones too, as numbers or text), ordinary text and empty cells alone", () => {
    expect(
      toCsv([
        ["net", "app", "note"],
        [-5, "QuoteFlow", ""],
        [2.5, "Ana, Tom", null],
        ["-12", "-1.5", "-"],
      ]),
    ).toBe('net,app,note\n-5,QuoteFlow,\n2.5,"Ana, Tom",\n-12,-1.5,"\'-"');
  });

  it("writes one line at a time for streamed exports", () => {
    expect(csvLine([1, "=x", null])).toBe(`1,"'=x",\n`);
  });
});

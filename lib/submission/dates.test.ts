import { describe, expect, it } from "vitest";
import { recordedDay } from "./dates";

const at = { today: "2026-11-29", previous: "2026-11-10" };

describe("the day a step is recorded for", () => {
  it("is today by default, or any day between the previous step and today", () => {
    expect(recordedDay(undefined, at)).toBe("2026-11-29");
    expect(recordedDay("", at)).toBe("2026-11-29");
    expect(recordedDay("2026-11-10", at)).toBe("2026-11-10");
    expect(recordedDay("2026-11-20", at)).toBe("2026-11-20");
    expect(recordedDay("2020-02-29", { today: "2026-11-29", previous: null })).toBe("2020-02-29");
  });

  it.each([
    ["2026-11-30", "Pipedrive cannot have acted in the future: choose today (29 November 2026) or an earlier day"],
    ["2026-11-09", "This step cannot come before the previous one, recorded on 10 November 2026"],
    ["2014-12-31", "Choose a day from 1 January 2015 on"],
    ["2026-02-30", "Give the date as a calendar day, e.g. 2026-11-28"],
    ["29/11/2026", "Give the date as a calendar day, e.g. 2026-11-28"],
  ])("refuses %s with a field error", (day, message) => {
    expect(() => recordedDay(day, at)).toThrow(
      expect.objectContaining({ code: "VALIDATION", message, fields: { date: message } }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availableTransitions,
  businessDaysElapsed,
  changesActions,
  pendingCriticalChanges,
  reviewDeadline,
  TRANSITIONS,
} from "./workflow";

describe("status transitions", () => {
  it("walks a public app Draft → In review → Approved → Published ⇄ Unpublished", () => {
    const ids = (status: string) => availableTransitions("PUBLIC", status).map((t) => t.id);
    expect(ids("DRAFT")).toEqual(["submit"]);
    expect(ids("IN_REVIEW")).toEqual(["approve", "reject", "withdraw"]);
    expect(ids("REJECTED")).toEqual(["submit"]);
    expect(ids("UNPUBLISHED")).toEqual(["publish"]);
    expect(ids("PUBLISHED")).toEqual(["unpublish"]);
    expect(ids("LIVE")).toEqual([]);
  });

  it("walks a private app Draft → Live and back, without review", () => {
    expect(availableTransitions("PRIVATE", "DRAFT").map((t) => t.to)).toEqual(["LIVE"]);
    expect(availableTransitions("PRIVATE", "LIVE").map((t) => t.to)).toEqual(["DRAFT"]);
    expect(TRANSITIONS.PRIVATE.some((t) => t.submits)).toBe(false);
  });

  it("asks for a note on rejection only", () => {
    expect(TRANSITIONS.PUBLIC.filter((t) => t.needsNote).map((t) => t.id)).toEqual(["reject"]);
  });
});

describe("pending changes", () => {
  const approved = {
    callbackUrl: "https://a.example.com/cb",
    installationUrl: "",
    scopes: [{ id: "deals:read", justification: "x" }],
    features: [],
    categories: ["sales", "productivity"],
    summary: "Old",
  };

  it("lists only critical fields that changed", () => {
    expect(pendingCriticalChanges(approved, { ...approved, summary: "New summary" })).toEqual([]);
    expect(
      pendingCriticalChanges(approved, { ...approved, callbackUrl: "https://b.example.com/cb", categories: ["sales"] }),
    ).toEqual(["callbackUrl", "categories"]);
  });

  it("ignores the order of scopes, features and categories", () => {
    expect(pendingCriticalChanges(approved, { ...approved, categories: ["productivity", "sales"] })).toEqual([]);
  });

  it("treats an empty installation URL like a missing one", () => {
    const { installationUrl: _drop, ...withoutInstall } = approved;
    expect(pendingCriticalChanges(approved, withoutInstall)).toEqual([]);
  });

  it("offers submit while changes are not sent, then approve or reject", () => {
    expect(changesActions(null, 0)).toEqual([]);
    expect(changesActions(null, 2)).toEqual(["submit-changes"]);
    expect(changesActions("REJECTED", 1)).toEqual(["submit-changes"]);
    expect(changesActions("IN_REVIEW", 1)).toEqual(["approve-changes", "reject-changes"]);
  });
});

describe("the 21-business-day window", () => {
  it("counts Monday to Friday only", () => {
    const friday = new Date("2026-11-27T10:00:00Z");
    expect(businessDaysElapsed(friday, new Date("2026-11-28T10:00:00Z"))).toBe(0); // Saturday
    expect(businessDaysElapsed(friday, new Date("2026-11-30T10:00:00Z"))).toBe(1); // Monday
    expect(businessDaysElapsed(friday, new Date("2026-12-11T10:00:00Z"))).toBe(10);
    expect(businessDaysElapsed(friday, friday)).toBe(0);
  });

  it("agrees with counting weekdays one UTC day at a time, whatever the instants", () => {
    const DAY = 86_400_000;
    const weekdaysAfter = (start: Date, now: Date) => {
      let count = 0;
      for (let day = Math.floor(start.getTime() / DAY) + 1; day <= Math.floor(now.getTime() / DAY); day++)
        if (![0, 6].includes(new Date(day * DAY).getUTCDay())) count++;
      return count;
    };
    const instant = fc
      .integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2027-12-31T23:59:59Z") })
      .map((t) => new Date(t));
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [start, now] = a <= b ? [a, b] : [b, a];
        expect(businessDaysElapsed(start, now)).toBe(weekdaysAfter(start, now));
        const deadline = reviewDeadline(start);
        expect([deadline.getUTCHours(), weekdaysAfter(start, deadline), [0, 6].includes(deadline.getUTCDay())]).toEqual(
          [0, 21, false],
        );
      }),
    );
  });

  it("closes 21 business days after the start", () => {
    expect(reviewDeadline(new Date("2026-11-27T10:00:00Z")).toISOString().slice(0, 10)).toBe("2026-12-28");
  });
});

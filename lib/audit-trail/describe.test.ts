import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actionLabel, describeAudit, referencedIds } from "./describe";

const names = new Map([
  ["app1", "QuoteFlow"],
  ["rev1", "Dana Reviewer"],
  ["user2", "Ben Ortiz"],
]);
const row = (
  action: string,
  targetType: string,
  targetId: string | null,
  diff: object | null = null,
  targetName: string | null = null,
) => ({
  action,
  targetType,
  targetId,
  targetName,
  diff: diff ? JSON.stringify(diff) : null,
});

describe("the audit log in words", () => {
  it("names the target and lists the changed fields by their labels", () => {
    expect(describeAudit(row("listing.save", "app", "app1", { fields: ["summary", "iconAssetId"] }), names)).toEqual({
      action: "Edited the listing of",
      target: "QuoteFlow",
      details: ["2 fields: Short summary, App icon"],
    });
  });

  it("reads statuses, assignees and apps named in the changes", () => {
    expect(
      describeAudit(row("app.status", "app", "app1", { status: ["IN_REVIEW", "UNPUBLISHED"], note: "Approved" }), names)
        .details,
    ).toEqual(["Status: In review → Approved, unpublished", "Note: Approved"]);
    expect(describeAudit(row("review.update", "review", "rev1", { assignee: [null, "user2"] }), names)).toEqual({
      action: "Updated the review by",
      target: "Dana Reviewer",
      details: ["Assigned to: nobody → Ben Ortiz"],
    });
    expect(describeAudit(row("review.add", "review", "rev1", { appId: "app1", stars: 1 }), names).details).toEqual([
      "App: QuoteFlow",
      "1 star",
    ]);
  });

  it("says what was deleted instead of showing an id", () => {
    expect(describeAudit(row("comment.resolve", "app", "gone", { comment: "c1" }), names)).toEqual({
      action: "Resolved a share-link comment on",
      target: "a deleted app",
      details: [],
    });
    expect(describeAudit(row("token.revoke", "API token", "tok9"), names).target).toBe("a deleted token");
    expect(describeAudit(row("app.delete", "app", "gone", null, "Old app"), names).target).toBe("Old app");
  });

  it("needs no target where the sentence is complete, and keeps unknown codes readable", () => {
    expect(describeAudit(row("member.join", "member", "user2", { role: "Editor", via: "invitation" }), names)).toEqual({
      action: "Joined the workspace",
      target: "",
      details: ["Role: Editor", "Through: invitation"],
    });
    expect(describeAudit(row("future.thing", "gizmo", "g1", { size: 3 }), names)).toEqual({
      action: "future.thing",
      target: "gizmo",
      details: ["size: 3"],
    });
    expect(describeAudit({ ...row("listing.save", "app", "app1"), diff: "not json" }, names).details).toEqual([
      "Changes: not json",
    ]);
  });

  it("labels actions for the filter, and lists the ids to look up", () => {
    expect(actionLabel("listing.save")).toBe("Edited the listing");
    expect(actionLabel("review.reply")).toBe("Replied to the review");
    expect(
      referencedIds(row("review.update", "review", "rev1", { appId: "app1", assignee: ["user1", "user2"] })),
    ).toEqual([
      { type: "review", id: "rev1" },
      { type: "app", id: "app1" },
      { type: "member", id: "user1" },
      { type: "member", id: "user2" },
    ]);
  });
});

describe("every action the app records", () => {
  it("has a sentence: the new ones (alert rules, competitors) read as words, not codes", () => {
    for (const code of Object.keys(AUDIT_ACTIONS))
      expect(describeAudit(row(code, "app", null), names).action).not.toBe(code);
    expect(describeAudit(row("competitor.add", "competitor", "c1", null, "Deal Radar"), names)).toMatchObject({
      action: "Started following the competitor",
      target: "Deal Radar",
    });
    expect(describeAudit(row("alert-rule.pause", "alert-rule", "r1", null, "Low ratings"), names).action).toBe(
      "Paused the alert rule",
    );
  });

  it("shows what an alert rule's edit changed, in the form's words, and nothing else", () => {
    const edit = row(
      "alert-rule.update",
      "alert-rule",
      "r1",
      { stars: ["1 2", "1 2 3"], throttleMinutes: [0, 1440], email: [false, true] },
      "Low ratings",
    );
    expect(describeAudit(edit, names).details).toEqual([
      "Stars: 1 2 → 1 2 3",
      "At most once every (minutes): 0 → 1440",
      "Email: no → yes",
    ]);
    expect(describeAudit(row("alert-rule.create", "alert-rule", "r1", { event: "NEW_REVIEW" }), names).details).toEqual(
      ["Event: New review"],
    );
  });
});

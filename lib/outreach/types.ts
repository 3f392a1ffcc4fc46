/** What the outreach pages show (plain objects, dates as ISO strings). */
export type Reason = { id: string; label: string };

export type OutreachSettings = {
  appId: string;
  appName: string;
  workspaceName: string;
  timeZone: string;
  emailOn: boolean;
  reviewLink: string;
  requests: {
    requestsOn: boolean;
    requestsSince: string | null;
    requestDays: number;
    askExisting: boolean;
    senderName: string;
    requestSubject: string;
    requestBody: string;
    quietFrom: number;
    quietTo: number;
  };
  survey: { surveyOn: boolean; surveySince: string | null; reasons: Reason[] };
};

/** An app's outreach over the last 12 months of the workspace's calendar (waiting: requests due, whenever). */
export type OutreachReport = {
  funnel: { requested: number; opened: number; reviewed: number; waiting: number };
  monthly: { month: string; requested: number; opened: number; reviewed: number; clicks: number }[];
  ratings: {
    requested: { count: number; average: number | null };
    others: { count: number; average: number | null };
  };
  clicks: { last30: number; fromEmail30: number };
  survey: {
    sent: number;
    answered: number;
    reasons: { id: string | null; label: string; count: number }[];
    monthly: { month: string; counts: Record<string, number> }[];
    answers: {
      id: string;
      answeredAt: string;
      reason: string | null;
      text: string | null;
      companyId: number;
      companyName: string | null;
      customerId: string | null;
    }[];
  };
};

/** A customer's outreach: each email planned or sent, and its survey answer. */
export type CustomerOutreach = {
  id: string;
  kind: "REQUEST" | "SURVEY";
  appId: string;
  appName: string;
  status: string;
  reason: string | null;
  dueAt: string;
  sentAt: string | null;
  openedAt: string | null;
  reviewId: string | null;
  answer: { answeredAt: string; reason: string | null; text: string | null } | null;
}[];

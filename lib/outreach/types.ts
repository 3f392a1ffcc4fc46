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

export type SendView = {
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
};

/** What the CRM settings and a customer's CRM panel show (no server module behind them). */

export type CrmPushView = {
  id: string;
  kind: string;
  event: string;
  appName: string;
  companyId: number;
  companyName: string | null;
  customerId: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

export type CrmSettingsView = {
  createPerson: boolean;
  target: "NONE" | "LEAD" | "DEAL";
  pipelineId: number | null;
  stageId: number | null;
  onUninstall: "LOSE" | "NOTE" | "NONE";
  reopenOnReinstall: boolean;
};

export type CrmCustomerView = {
  connected: boolean;
  apiDomain: string | null;
  org: string | null;
  people: { key: string; remoteId: string }[];
  deals: { appName: string; kind: "DEAL" | "LEAD"; remoteId: string }[];
  pushes: CrmPushView[];
};

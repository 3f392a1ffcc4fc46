export type DeliveryView = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

export type GatewaySettings = {
  installationUrl: string;
  callbackUrl: string;
  handoffMode: "FORWARD" | "RECORD_ONLY";
  handoffUrl: string;
  onboardingUrl: string;
  hasClientSecret: boolean;
  /** Whether the listing's Callback and Installation URLs are the gateway's. */
  inListing: { callbackUrl: boolean; installationUrl: boolean };
};

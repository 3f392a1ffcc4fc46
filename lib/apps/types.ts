import type { AppType } from "@/lib/app-types";

/** What a browser may see of an app: never the secret, only whether one is set. */
export type AppSummary = {
  id: string;
  name: string;
  type: AppType;
  status: string;
  clientId: string;
  callbackUrl: string;
  installationUrl: string | null;
  hasClientSecret: boolean;
  /** When Pipedrive last refused the stored client id and secret at an install (invalid_client). */
  clientRejectedAt: Date | null;
  /** The Marketplace page the sync reads, when the partner set one (null: the default address). */
  listingUrl: string | null;
  archived: boolean;
  iconAssetId: string | null;
  /** The listing's short summary (empty until written; always empty for an API-token integration). */
  summary: string;
  /** The readiness checklist's score of the listing (0 for a type without one). */
  readiness: number;
  updatedAt: Date;
};

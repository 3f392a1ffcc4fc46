/** Seed data and types of the Pipedrive emulator. */

export type EmulatorUser = {
  id: number;
  name: string;
  email: string;
  companyId: number;
  companyName: string;
  companyDomain: string;
  isAdmin: boolean;
  locale: string;
  /** Current API versions describe admin rights only in `access[]` and may leave `is_admin` out. */
  accessOnly?: boolean;
};

export type EmulatorClient = {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs; Pipedrive allows one callback URL per app. */
  redirectUris: string[];
  name: string;
  builtBy: string;
  scopes: string[];
};

export const SEED_USERS: EmulatorUser[] = [
  {
    id: 101,
    name: "Alice Novak",
    email: "alice@acme-sales.test",
    companyId: 7001,
    companyName: "Acme Sales Tools",
    companyDomain: "acme-sales",
    isAdmin: true,
    locale: "en_US",
  },
  {
    id: 102,
    name: "Ben Ortiz",
    email: "ben@acme-sales.test",
    companyId: 7001,
    companyName: "Acme Sales Tools",
    companyDomain: "acme-sales",
    isAdmin: false,
    locale: "en_US",
  },
  {
    id: 201,
    name: "Carla Mendes",
    email: "carla@northwind.test",
    companyId: 7002,
    companyName: "Northwind Integrations",
    companyDomain: "northwind",
    isAdmin: true,
    locale: "pt_BR",
  },
  {
    id: 202,
    name: "Dev Patel",
    email: "dev@northwind.test",
    companyId: 7002,
    companyName: "Northwind Integrations",
    companyDomain: "northwind",
    isAdmin: false,
    locale: "en_GB",
  },
];

/** Listing Studio's second Pipedrive app: the one a workspace owner connects their own Pipedrive with (CRM push). */
export const crmClient = (clientId: string, clientSecret: string, redirectUri: string): EmulatorClient => ({
  clientId,
  clientSecret,
  redirectUris: [redirectUri],
  name: "Listing Studio CRM sync",
  builtBy: "Listing Studio",
  scopes: ["base", "contacts:full", "deals:full", "leads:full"],
});

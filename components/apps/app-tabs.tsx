import { SectionTabs } from "@/components/ui/section-tabs";
import { hasFeature, type AppType } from "@/lib/app-types";

/**
 * Only the sections the app's type has: a private app is not reviewed by Pipedrive (its status tab
 * only takes it live) and is not in the Marketplace's lists; an API-token integration has no listing
 * at all, only its installs.
 */
export function AppTabs({ appId, type }: { appId: string; type: AppType }) {
  const listing = hasFeature(type, "listing");
  const marketplace = hasFeature(type, "marketplace");
  const tabs = [
    listing && { href: `/apps/${appId}/listing`, label: "Listing" },
    listing && { href: `/apps/${appId}/preview`, label: "Preview" },
    listing && { href: `/apps/${appId}/submission`, label: marketplace ? "Submission" : "Status" },
    listing && { href: `/apps/${appId}/developer-hub`, label: "Developer Hub" },
    { href: `/apps/${appId}/installs`, label: "Installs" },
    { href: `/apps/${appId}/customers`, label: "Customers" },
    { href: `/apps/${appId}/outreach`, label: "Reviews & reasons" },
    marketplace && { href: `/apps/${appId}/positions`, label: "Positions" },
    marketplace && { href: `/apps/${appId}/competitors`, label: "Competitors" },
    listing && { href: `/apps/${appId}/versions`, label: "Versions" },
    { href: `/apps/${appId}/settings`, label: "Settings" },
  ].filter((tab) => tab !== false);
  return <SectionTabs label="App sections" tabs={tabs} />;
}

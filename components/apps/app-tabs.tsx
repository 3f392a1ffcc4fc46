import { SectionTabs } from "@/components/ui/section-tabs";

/** A private app is not reviewed by Pipedrive: its status tab only takes it live. */
export function AppTabs({ appId, type }: { appId: string; type: "PUBLIC" | "PRIVATE" }) {
  return (
    <SectionTabs
      label="App sections"
      tabs={[
        { href: `/apps/${appId}/listing`, label: "Listing" },
        { href: `/apps/${appId}/preview`, label: "Preview" },
        { href: `/apps/${appId}/review`, label: type === "PUBLIC" ? "Review" : "Status" },
        { href: `/apps/${appId}/developer-hub`, label: "Developer Hub" },
        { href: `/apps/${appId}/installs`, label: "Installs" },
        ...(type === "PUBLIC"
          ? [
              { href: `/apps/${appId}/positions`, label: "Positions" },
              { href: `/apps/${appId}/competitors`, label: "Competitors" },
            ]
          : []),
        { href: `/apps/${appId}/versions`, label: "Versions" },
        { href: `/apps/${appId}/settings`, label: "Settings" },
      ]}
    />
  );
}

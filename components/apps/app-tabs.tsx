import { SectionTabs } from "@/components/ui/section-tabs";

export function AppTabs({ appId }: { appId: string }) {
  return (
    <SectionTabs
      label="App sections"
      tabs={[
        { href: `/apps/${appId}/listing`, label: "Listing" },
        { href: `/apps/${appId}/preview`, label: "Preview" },
        { href: `/apps/${appId}/review`, label: "Review" },
        { href: `/apps/${appId}/installs`, label: "Installs" },
        { href: `/apps/${appId}/versions`, label: "Versions" },
        { href: `/apps/${appId}/settings`, label: "Settings" },
      ]}
    />
  );
}

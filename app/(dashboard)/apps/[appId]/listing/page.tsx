import type { Metadata } from "next";
import { ListingEditor } from "@/components/listing/listing-editor";
import { MediaSection } from "@/components/listing/sections/media";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";
import { iconVisibility } from "@/lib/media/assets";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Listing" };

export default async function ListingPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const [draft, icons] = await Promise.all([getDraft(member, app.id), iconVisibility(member, app.id)]);
  return <ListingEditor appId={app.id} initial={draft} readOnly={!hasRole(member.role, "EDITOR")} media={<MediaSection appId={app.id} />} icons={icons} />;
}

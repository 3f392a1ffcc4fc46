import type { Metadata } from "next";
import { ListingEditor } from "@/components/listing/listing-editor";
import { MediaSection } from "@/components/listing/sections/media";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Listing" };

export default async function ListingPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const draft = await getDraft(member, app.id);
  return <ListingEditor appId={app.id} initial={draft} readOnly={!hasRole(member.role, "EDITOR")} media={<MediaSection appId={app.id} />} />;
}

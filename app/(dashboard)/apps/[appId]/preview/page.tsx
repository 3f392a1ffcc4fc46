import type { Metadata } from "next";
import { IconBackgrounds } from "@/components/preview/icon-backgrounds";
import { MarketplacePage } from "@/components/preview/marketplace-page";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const { data } = await getDraft(member, app.id);
  return (
    <PreviewFrame toolbar={<IconBackgrounds src={data.iconAssetId ? `/api/assets/${data.iconAssetId}` : null} name={data.appName} />}>
      <MarketplacePage listing={data} builtBy={member.workspace.name} assetBase="/api/assets" />
    </PreviewFrame>
  );
}

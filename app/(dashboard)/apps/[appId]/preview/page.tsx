import type { Metadata } from "next";
import { IconBackgrounds } from "@/components/preview/icon-backgrounds";
import { MarketplacePage } from "@/components/preview/marketplace-page";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { ShareLinks } from "@/components/share/share-links";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";
import { listVersions } from "@/lib/listing/versions";
import { publicRating } from "@/lib/reviews/ratings";
import { listShareLinks } from "@/lib/share/service";
import { hasRole } from "@/lib/team/roles";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app, member } = await loadApp((await params).appId);
  const [{ data }, links, versions, rating] = await Promise.all([getDraft(member, app.id), listShareLinks(member, app.id), listVersions(member, app.id), publicRating(app.id)]);
  return (
    <div className="space-y-6">
      <ShareLinks
        appId={app.id}
        links={links}
        versions={versions.map((v) => ({ id: v.id, number: v.number, label: v.label }))}
        canEdit={hasRole(member.role, "EDITOR")}
      />
      <PreviewFrame toolbar={<IconBackgrounds src={data.iconAssetId ? `/api/assets/${data.iconAssetId}` : null} name={data.appName} />}>
        <MarketplacePage listing={data} builtBy={member.workspace.name} assetPath="/api/assets/{id}" rating={rating} />
      </PreviewFrame>
    </div>
  );
}

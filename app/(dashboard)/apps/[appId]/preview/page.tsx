import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature } from "@/lib/app-types";
import { EyeOff } from "lucide-react";
import { z } from "zod";
import { IconBackgrounds } from "@/components/preview/icon-backgrounds";
import { MarketplacePage } from "@/components/preview/marketplace-page";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { ShareLinks } from "@/components/share/share-links";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";
import { listVersions } from "@/lib/listing/versions";
import { publicRating } from "@/lib/sync/ratings";
import { listShareLinks } from "@/lib/share/service";
import { can } from "@/lib/team/permissions";

export const metadata: Metadata = { title: "Preview" };

const linksQuerySchema = z.object({
  links: z.coerce.number().int().min(1).max(10_000).catch(1),
  show: z.enum(["all", "active"]).catch("all"),
});

export default async function PreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "listing"))
    return <NotForType app={app} feature="listing" icon={EyeOff} title="No Marketplace page to preview" />;
  const query = linksQuerySchema.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [{ data }, links, versions, rating] = await Promise.all([
    getDraft(member, app.id),
    listShareLinks(member, app.id, { page: query.links, show: query.show }),
    listVersions(member, app.id),
    publicRating(app.id),
  ]);
  return (
    <div className="space-y-6">
      <ShareLinks
        appId={app.id}
        links={links}
        versions={versions.map((v) => ({ id: v.id, number: v.number, label: v.label }))}
        canEdit={can(member, "share.create")}
      />
      <PreviewFrame
        toolbar={
          <IconBackgrounds src={data.iconAssetId ? `/api/assets/${data.iconAssetId}` : null} name={data.appName} />
        }
      >
        <MarketplacePage
          listing={data}
          builtBy={member.workspace.name}
          assetPath="/api/assets/{id}"
          rating={rating}
          marketplace={hasFeature(app.type, "marketplace")}
        />
      </PreviewFrame>
    </div>
  );
}

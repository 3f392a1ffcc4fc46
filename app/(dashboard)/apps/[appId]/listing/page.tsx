import type { Metadata } from "next";
import { NotForType } from "@/components/apps/not-for-type";
import { hasFeature, listedType } from "@/lib/app-types";
import { FileX } from "lucide-react";
import { ListingEditor } from "@/components/listing/listing-editor";
import { MediaSection } from "@/components/listing/sections/media";
import { loadApp } from "@/lib/apps/load";
import { getDraft } from "@/lib/listing/drafts";
import { FIELDS } from "@/lib/listing/fields";
import type { ListingField } from "@/lib/listing/schema";
import { linkStatuses } from "@/lib/listing/link-status";
import { iconVisibility } from "@/lib/media/assets";
import { gatewayUrls } from "@/lib/gateway/settings";
import { listOpenFeedback } from "@/lib/submission/feedback";
import { frozenSubmission } from "@/lib/submission/state";
import { isApproved } from "@/lib/submission/workflow";
import { listOpenComments } from "@/lib/share/service";
import { can } from "@/lib/team/permissions";
import { resolveCommentAction, resolveFeedbackAction } from "@/lib/actions/submission";

export const metadata: Metadata = { title: "Listing" };

type Props = { params: Promise<{ appId: string }>; searchParams: Promise<{ field?: string }> };

export default async function ListingPage({ params, searchParams }: Props) {
  const { app, member } = await loadApp((await params).appId);
  if (!hasFeature(app.type, "listing"))
    return <NotForType app={app} feature="listing" icon={FileX} title="No listing to draft" />;
  const { field } = await searchParams;
  const [draft, icons, comments, feedback, links, gateway, submission] = await Promise.all([
    getDraft(member, app.id),
    iconVisibility(member, app.id),
    listOpenComments(member, app.id),
    listOpenFeedback(member, app.id),
    linkStatuses(app.id),
    gatewayUrls(app.id),
    frozenSubmission(member, app.id),
  ]);
  return (
    <ListingEditor
      appId={app.id}
      userId={member.user.id}
      kind={listedType(app)}
      resolveComment={resolveCommentAction}
      resolveFeedback={resolveFeedbackAction}
      initial={draft}
      readOnly={!can(member, "listing.edit")}
      media={<MediaSection appId={app.id} />}
      icons={icons}
      comments={comments}
      feedback={feedback}
      builtBy={member.workspace.name}
      links={links}
      gateway={{ ...gateway, approved: isApproved(app.status) }}
      submission={submission}
      focusField={typeof field === "string" && field in FIELDS ? (field as ListingField) : undefined}
    />
  );
}

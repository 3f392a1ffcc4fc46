import { requireMember } from "@/lib/authz";
import { csvDownload } from "@/lib/http/csv-download";
import { route } from "@/lib/http/route";
import { surveyAnswersCsv } from "@/lib/outreach/report";

type Params = { params: Promise<{ appId: string }> };

/** The app's uninstall survey answers as CSV (formula-safe), newest first. */
export const GET = route(async (_request: Request, { params }: Params) => {
  const member = await requireMember();
  const { appId } = await params;
  return csvDownload(surveyAnswersCsv(member, appId), "uninstall-reasons.csv");
});

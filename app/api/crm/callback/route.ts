import { cookies } from "next/headers";
import { requireMember } from "@/lib/authz";
import { CRM_STATE_COOKIE, finishConnect } from "@/lib/crm/connection";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** Pipedrive sends the owner back here after the CRM consent; they land on Settings, with the outcome. */
export const GET = route(async (request: Request) => {
  const member = await requireMember("crm.connect");
  const url = new URL(request.url);
  const jar = await cookies();
  const expected = jar.get(CRM_STATE_COOKIE)?.value ?? null;
  jar.delete(CRM_STATE_COOKIE);
  let outcome = "crm=connected";
  try {
    await finishConnect(
      member,
      {
        code: url.searchParams.get("code"),
        state: url.searchParams.get("state"),
        error: url.searchParams.get("error"),
      },
      expected,
    );
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields?.reason) throw error;
    outcome = `crm_error=${encodeURIComponent(error.fields.reason)}`;
  }
  // A path of this site, never an address from the request.
  return new Response(null, {
    status: 303,
    headers: { location: `/settings?${outcome}#crm`, "cache-control": "no-store" },
  });
});

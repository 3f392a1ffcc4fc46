import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { UTC_STAMP as WHEN } from "@/lib/text/dates";

/**
 * Pipedrive refused the client id and secret stored for the app (invalid_client) when an
 * installer finished an install: every install fails until the secret is right. Installers only
 * saw a neutral error, so this notice is where the partner learns it.
 */
export function ClientRejectedNotice({
  appId,
  clientId,
  at,
  isOwner,
}: {
  appId: string;
  clientId: string;
  at: Date;
  isOwner: boolean;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="client-rejected"
      className="mb-6 rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900"
    >
      <h2 id="client-rejected" className="flex items-center gap-2 font-semibold">
        <TriangleAlert aria-hidden className="size-4 shrink-0" />
        Installs are failing: Pipedrive refused this app&apos;s client secret
      </h2>
      <p className="mt-1">
        On {WHEN.format(at)} UTC Pipedrive answered <code>invalid_client</code> when an installer finished installing:
        the client ID or client secret stored here does not match the app in Developer Hub. The installer saw a neutral
        error and nothing was installed.
      </p>
      <p className="mt-2">
        To fix it: in Pipedrive&apos;s Developer Hub, open the app → <strong>OAuth &amp; access scopes</strong>, check
        that the client ID is <code className="break-all">{clientId}</code>, copy the <strong>client secret</strong> and
        paste it here.{" "}
        {isOwner ? (
          <Link
            href={`/apps/${appId}/settings#secret`}
            className="font-medium underline underline-offset-2 hover:text-red-700"
          >
            Replace the client secret
          </Link>
        ) : (
          "Only an owner of the workspace can replace it: ask one of them."
        )}
      </p>
    </section>
  );
}

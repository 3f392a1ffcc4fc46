"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Route } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { useEditor } from "./editor-fields";

/** The install gateway's two URLs, and whether the app is approved (a new callback URL is then reviewed again). */
export type GatewayUrls = { callbackUrl: string; installationUrl: string; approved: boolean };

/**
 * "Use Listing Studio's gateway": one click puts the gateway's Callback and Installation URLs in the
 * listing (saved like any edit), and the fields say which URLs are in use.
 */
export function GatewayChoice({ gateway }: { gateway: GatewayUrls }) {
  const { control, setValue } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const [callbackUrl, installationUrl] = useWatch({ control, name: ["callbackUrl", "installationUrl"] }) as [
    string | undefined,
    string | undefined,
  ];
  const callback = (callbackUrl ?? "").trim() === gateway.callbackUrl;
  const install = (installationUrl ?? "").trim() === gateway.installationUrl;
  const use = () => {
    for (const [name, value] of [
      ["callbackUrl", gateway.callbackUrl],
      ["installationUrl", gateway.installationUrl],
    ] as const)
      setValue(name, value, { shouldDirty: true, shouldValidate: true });
  };
  const state = callback && install ? "both" : callback || install ? "one" : "none";
  return (
    <div
      className={`rounded-lg border p-3 text-sm ${state === "both" ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-slate-200 bg-slate-50 text-slate-700"}`}
      data-testid="gateway-choice"
    >
      <p className="flex items-center gap-2 font-medium">
        <Route aria-hidden className="size-4 shrink-0" />
        <span role="status">
          {state === "both"
            ? "In use: Listing Studio's install gateway"
            : state === "one"
              ? `In use: the gateway's ${callback ? "Callback URL" : "Installation URL"}, your app's own ${callback ? "Installation URL" : "Callback URL"}`
              : "In use: your app's own URLs"}
        </span>
      </p>
      <p className="mt-1 text-xs">
        The gateway counts every install, cancel and uninstall and hands over to your backend (App settings → Install
        gateway). Paste the same two URLs in Developer Hub.{" "}
        {gateway.approved
          ? "This app is approved: a new Callback URL is a critical change that Pipedrive reviews again before it goes live."
          : "The Callback URL is a critical field: once the app is approved, changing it means another review by Pipedrive."}
      </p>
      {!readOnly && state !== "both" ? (
        <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={use}>
          Use Listing Studio&apos;s gateway
        </Button>
      ) : null}
    </div>
  );
}

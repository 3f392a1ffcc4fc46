"use client";

import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { timeAgo } from "@/lib/text/dates";
import { Check, Copy, Link2 } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/actions/share";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { copyLabel, useCopy } from "@/components/ui/use-copy";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import Link from "next/link";
import type { ShareLinksPage } from "@/lib/share/types";
import { Pager } from "@/components/ui/pager";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/text/words";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { EXPIRY_CHOICES } from "@/lib/share/choices";
import type { CreateShareLinkInput } from "@/lib/share/schema";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

const createLinkResolver = lazyZodResolver<CreateShareLinkInput>(() =>
  import("@/lib/share/schema").then((m) => m.createShareLinkSchema),
);

type VersionOption = { id: string; number: number; label: string };

const STATUS_STYLE = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  expired: "bg-slate-100 text-slate-700 ring-slate-500/20",
  revoked: "bg-red-50 text-red-800 ring-red-600/20",
} as const;

/** A relative time; the server's and the browser's "now" differ by a moment, so hydration may differ too. */
const when = (iso: string | null, empty = "—") =>
  iso ? (
    <time dateTime={iso} suppressHydrationWarning>
      {timeAgo(new Date(iso))}
    </time>
  ) : (
    empty
  );

function CreatedLink({ url }: { url: string }) {
  const { state, copy } = useCopy(60_000);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-4" role="status">
      <p className="text-sm font-medium text-emerald-900">
        Link created. Copy it now: for your security it is shown only once.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          ref={input}
          aria-label="New share link"
          readOnly
          value={url}
          className={`${inputClass} min-w-0 flex-1 font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            // When the browser refuses the clipboard, the link is selected for the person to copy.
            if (!(await copy(url))) input.current?.select();
          }}
        >
          {state === "copied" ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          <span aria-live="polite">{copyLabel(state, "Copy link")}</span>
        </Button>
      </div>
    </div>
  );
}

export function ShareLinks({
  appId,
  links: list,
  versions,
  canEdit,
}: {
  appId: string;
  links: ShareLinksPage;
  versions: VersionOption[];
  canEdit: boolean;
}) {
  const { links } = list;
  const href = (change: { links?: number; show?: "all" | "active" }) => {
    const next = { links: list.page, show: list.show, ...change };
    const search = new URLSearchParams([
      ...(next.show === "active" ? [["show", "active"]] : []),
      ...(next.links > 1 ? [["links", String(next.links)]] : []),
    ]).toString();
    return `/apps/${appId}/preview${search ? `?${search}` : ""}`;
  };
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<CreateShareLinkInput>({
    resolver: createLinkResolver,
    defaultValues: { label: "", target: "draft", expiresIn: "7" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createShareLinkAction(appId, values);
    if (!result.ok) {
      for (const [name, message] of Object.entries(result.error.fields ?? {}))
        form.setError(name as keyof CreateShareLinkInput, { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    setCreated(new URL(result.data.path, window.location.origin).toString());
    form.reset({ label: "", target: values.target, expiresIn: values.expiresIn });
    router.refresh();
  });

  return (
    <section aria-labelledby="share-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex items-center gap-2">
        <Link2 aria-hidden className="size-5 text-brand-600" />
        <h2 id="share-heading" className="text-base font-semibold text-slate-900">
          Share this preview
        </h2>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Anyone with a link sees the preview without an account, and can leave comments you will see in the editor.
      </p>

      {canEdit ? (
        <form
          noValidate
          onSubmit={onSubmit}
          className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-[2fr_2fr_1fr_auto] md:items-end"
        >
          <Field id="share-label" label="Label" error={errors.label?.message}>
            <input
              id="share-label"
              className={inputClass}
              placeholder="e.g. For the design review"
              aria-invalid={errors.label ? true : undefined}
              {...form.register("label")}
            />
          </Field>
          <Field id="share-target" label="Shows" error={errors.target?.message}>
            <select id="share-target" className={inputClass} {...form.register("target")}>
              <option value="draft">Latest draft (follows every edit)</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.number} · {v.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="share-expiry" label="Expires after" error={errors.expiresIn?.message}>
            <select id="share-expiry" className={inputClass} {...form.register("expiresIn")}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            Create link
          </Button>
        </form>
      ) : null}

      {created ? (
        <div className="mt-4">
          <CreatedLink url={created} />
        </div>
      ) : null}

      {list.total > 0 || list.show === "active" ? (
        <nav aria-label="Share link filter" className="mt-4 flex flex-wrap items-center gap-1 text-sm">
          {(
            [
              ["all", "All links"],
              ["active", `Working now (${list.active})`],
            ] as const
          ).map(([show, label]) => (
            <Link
              key={show}
              href={href({ show, links: 1 })}
              aria-current={list.show === show ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1.5",
                list.show === show ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {label}
            </Link>
          ))}
        </nav>
      ) : null}

      {links.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{list.show === "active" ? "No link works now." : "No links yet."}</p>
      ) : (
        <ScrollArea label="Share links" className="mt-4">
          <Table density="compact" className="min-w-[44rem]">
            <caption className="sr-only">Share links</caption>
            <THead>
              <tr>
                <Th>Label</Th>
                <Th>Shows</Th>
                <Th>Status</Th>
                <Th>Expires</Th>
                <Th numeric>Views</Th>
                <Th>Last view</Th>
                <Th numeric>Comments</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {links.map((link) => (
                <tr key={link.id} data-testid="share-link-row">
                  <Td className="font-medium text-slate-900">
                    {link.label}
                    <div className="text-xs font-normal text-slate-500">
                      {link.createdBy ?? "Someone"}, {when(link.createdAt)}
                    </div>
                  </Td>
                  <Td className="text-slate-700">{link.target}</Td>
                  <Td>
                    <span
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${STATUS_STYLE[link.status]}`}
                    >
                      {link.status}
                    </span>
                  </Td>
                  <Td className="text-slate-700" data-testid="share-link-expiry">
                    {link.status === "revoked" ? "Revoked" : link.expiresAt ? when(link.expiresAt) : "Never"}
                  </Td>
                  <Td numeric className="text-slate-700">
                    {link.views}
                  </Td>
                  <Td className="text-slate-700">{when(link.lastViewedAt, "Not yet")}</Td>
                  <Td numeric className="text-slate-700">
                    {link.comments}
                  </Td>
                  <Td numeric>
                    {canEdit && link.status === "active" ? (
                      <ConfirmDialog
                        trigger={
                          <Button size="sm" variant="secondary" aria-label={`Revoke ${link.label}`}>
                            Revoke
                          </Button>
                        }
                        title={`Revoke “${link.label}”?`}
                        description="The link stops working at once for everyone who has it. This cannot be undone; you can create a new link."
                        confirmLabel="Revoke link"
                        onConfirm={async () => {
                          const result = await revokeShareLinkAction(appId, link.id);
                          if (!result.ok) return result.error.message;
                          toast.success("Link revoked");
                          router.refresh();
                          return null;
                        }}
                      />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </ScrollArea>
      )}
      <div className="mt-3">
        <Pager
          page={list.page}
          pages={list.pages}
          href={(page) => href({ links: page })}
          total={plural(list.total, "link", "links")}
        />
      </div>
    </section>
  );
}

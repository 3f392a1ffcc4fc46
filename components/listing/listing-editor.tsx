"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import type { FeedbackView, FrozenSubmission } from "@/lib/submission/types";
import { SECTION_FIELD } from "@/lib/share/choices";
import type { CommentView } from "@/lib/share/types";
import { FormProvider, useForm } from "react-hook-form";
import dynamic from "next/dynamic";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { CircleAlert, CircleCheck, CloudOff, Loader2, RefreshCw } from "lucide-react";
import type { DraftState } from "@/lib/listing/types";
import { FIELDS, TABS, type TabId } from "@/lib/listing/fields";
import type { IconVisibility, LinkStatus } from "@/lib/listing/readiness";
import type { AppKind, ListingDraftInput, ListingField } from "@/lib/listing/schema";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { plural } from "@/lib/text/words";
import { cn } from "@/components/ui/cn";
import { LinkCheckButton } from "./link-check-button";
import { loadChecks } from "./lazy-modules";
import { ChecklistLayer } from "./checklist-layer";
import type { EditorNote } from "./editor-fields";
import { LeaveGuard } from "./leave-guard";
import { clearLocalDraft, localDraftKey, readLocalDraft, type LocalDraft } from "./local-draft";
import { FeaturesSection } from "./sections/features";
import { GeneralSection } from "./sections/general";
import { ScopesSection } from "./sections/scopes";
import { OnboardingSection } from "./sections/onboarding";
import { BasicSection, ReviewSection, SetupSection, SupportSection } from "./sections/simple";
import type { GatewayUrls } from "./gateway-choice";
import { useAutosave, type SaveStatus } from "./use-autosave";

/** Shown only when someone else saved first, so it loads only then. */
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((m) => m.ConflictDialog));
// Shown only to some visits (a listing in review, a draft kept in this browser): in chunks of their own.
const InReviewBanner = dynamic(() => import("./in-review-banner").then((m) => m.InReviewBanner));
const RestoreBanner = dynamic(() => import("./restore-banner").then((m) => m.RestoreBanner));

/** Inline messages come from Pipedrive's rules (the checks chunk): they advise, they never block saving. */
const rulesResolver = lazyZodResolver<ListingDraftInput>(() => loadChecks().then((m) => m.listingRulesSchema));

const STATUS: Record<SaveStatus, { label: string; icon: typeof CircleCheck; tone: string }> = {
  saved: { label: "All changes saved", icon: CircleCheck, tone: "text-brand-700" },
  pending: { label: "Unsaved changes…", icon: Loader2, tone: "text-slate-600" },
  saving: { label: "Saving…", icon: Loader2, tone: "text-slate-600" },
  retrying: { label: "Not saved — retrying…", icon: RefreshCw, tone: "text-red-600" },
  failed: { label: "Not saved", icon: CloudOff, tone: "text-red-600" },
  conflict: { label: "Someone else saved: choose a version", icon: CircleAlert, tone: "text-amber-700" },
};

const tabOf = (path: string) => FIELDS[path.split(".")[0] as ListingField]?.tab;

export type EditorProps = {
  appId: string;
  /** The signed-in user: the browser's copy of unsaved changes is kept per user and app. */
  userId: string;
  kind: AppKind;
  initial: DraftState;
  readOnly: boolean;
  media: React.ReactNode;
  icons: Record<string, IconVisibility>;
  comments: CommentView[];
  feedback: FeedbackView[];
  builtBy: string;
  focusField?: ListingField;
  links: Record<string, LinkStatus>;
  /** The install gateway's URLs, offered for the Callback and Installation URL fields. */
  gateway?: GatewayUrls;
  /** What Pipedrive is reviewing, frozen while it does. */
  submission?: FrozenSubmission | null;
  /** Server actions that resolve a share-link comment or a reviewer's feedback (appId, id). */
  resolveComment: ResolveAction;
  resolveFeedback: ResolveAction;
};

type ResolveAction = (appId: string, id: string) => Promise<{ ok: true } | { ok: false; error: { message: string } }>;

export function ListingEditor({
  appId,
  userId,
  kind,
  initial,
  readOnly,
  media,
  icons: initialIcons,
  comments,
  feedback,
  builtBy,
  focusField,
  links: initialLinks,
  gateway,
  submission,
  resolveComment,
  resolveFeedback,
}: EditorProps) {
  const router = useRouter();
  const [links, setLinks] = useState(initialLinks);
  const notes = useMemo(
    () => [
      ...feedback.map((f) => ({
        field: f.field as string | null,
        fieldLabel: f.fieldLabel,
        note: {
          id: f.id,
          kind: "feedback",
          title: `Reviewer feedback${f.createdBy ? `, added by ${f.createdBy}` : ""}`,
          body: f.message,
          createdAt: f.createdAt,
        } satisfies EditorNote,
      })),
      ...comments.map((c) => ({
        field: SECTION_FIELD[c.section] ?? null,
        fieldLabel: c.sectionLabel,
        note: {
          id: c.id,
          kind: "comment",
          title: `Comment from ${c.authorName}${c.link ? ` via “${c.link}”` : ""}`,
          body: c.body,
          createdAt: c.createdAt,
        } satisfies EditorNote,
      })),
    ],
    [comments, feedback],
  );
  const resolveNote = useCallback(
    async (note: EditorNote) => {
      const result = await (note.kind === "comment" ? resolveComment : resolveFeedback)(appId, note.id);
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(note.kind === "comment" ? "Comment resolved" : "Feedback resolved");
      router.refresh();
    },
    [appId, resolveComment, resolveFeedback, router],
  );
  const [tab, setTab] = useState<string>("basic");
  const [icons, setIcons] = useState(initialIcons);
  const form = useForm<ListingDraftInput>({
    defaultValues: initial.data as ListingDraftInput,
    resolver: rulesResolver,
    mode: "all",
  });
  const localKey = localDraftKey(userId, appId);
  const autosave = useAutosave(appId, initial.revision, localKey);
  const { saver } = autosave;
  const registerIcon = useCallback((id: string, v: IconVisibility) => setIcons((all) => ({ ...all, [id]: v })), []);
  const { errors } = form.formState;

  // Changes this browser kept from an earlier visit that the server never got: offered back.
  const [kept, setKept] = useState<LocalDraft | null>(null);
  useEffect(() => {
    if (readOnly) return;
    const local = readLocalDraft(localKey);
    if (!local) return;
    const differs = Object.entries(local.data).some(
      ([k, v]) => k in FIELDS && JSON.stringify(v) !== JSON.stringify(initial.data[k as ListingField]),
    );
    // Reading the browser's storage can only happen after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (differs) setKept(local);
    else clearLocalDraft(localKey);
  }, [localKey, initial.data, readOnly]);

  const resetting = useRef(false);
  const lastValues = useRef(JSON.stringify(initial.data));
  useEffect(() => {
    if (readOnly) return;
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        // Form-state updates (validation, errors) also call back: only a changed value is an edit.
        const snapshot = JSON.stringify(form.getValues());
        if (snapshot === lastValues.current) return;
        lastValues.current = snapshot;
        // Taking someone else's version is not an edit: it must not be saved back.
        if (resetting.current) return;
        // A draft is a draft: saved as typed, valid or not.
        saver.schedule(form.getValues());
      },
    });
  }, [form, saver, readOnly]);

  const errorTabs = new Set(Object.keys(errors).map(tabOf));
  const status = STATUS[autosave.status];
  const skipped = Object.entries(autosave.skipped);
  const tabs = TABS.filter((t) => kind === "PUBLIC" || t.id !== "review");

  return (
    <FormProvider {...form}>
      {!readOnly ? <LeaveGuard dirty={saver.dirty} flush={saver.flush} error={autosave.error} /> : null}
      <div className="mb-2 flex flex-wrap items-center justify-end gap-3">
        {readOnly ? (
          <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">Read only</span>
        ) : (
          <p
            role="status"
            data-testid="save-status"
            data-status={autosave.status}
            className={cn("flex items-center gap-1.5 text-sm font-medium", status.tone)}
          >
            <status.icon
              aria-hidden
              className={cn(
                "size-4",
                (autosave.status === "saving" || autosave.status === "pending") && "animate-spin",
              )}
            />
            {status.label}
          </p>
        )}
      </div>
      {autosave.error && autosave.status !== "saved" ? (
        <p className="mb-4 text-sm text-red-600" data-testid="save-error">
          {autosave.error}
        </p>
      ) : null}
      {skipped.length > 0 ? (
        <div
          role="alert"
          className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="save-skipped"
        >
          <p className="font-medium">
            Saved, except{" "}
            {plural(skipped.length, "field that cannot be stored as it is", "fields that cannot be stored as they are")}{" "}
            (kept in this browser until fixed):
          </p>
          <ul className="mt-1 list-disc pl-5">
            {skipped.map(([path, message]) => (
              <li key={path}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {submission ? <InReviewBanner appId={appId} submission={submission} /> : null}
      {kept ? (
        <RestoreBanner
          stored={initial.data}
          local={kept}
          onRestore={(values) => {
            setKept(null);
            form.reset(values as ListingDraftInput, { keepDefaultValues: true });
            void form.trigger();
          }}
          onDiscard={() => {
            setKept(null);
            clearLocalDraft(localKey);
          }}
        />
      ) : null}
      <ChecklistLayer
        control={form.control}
        kind={kind}
        readOnly={readOnly}
        icons={icons}
        registerIcon={registerIcon}
        onTab={setTab}
        notes={notes}
        onResolveNote={resolveNote}
        focusField={focusField}
        builtBy={builtBy}
        links={links}
        linkCheck={<LinkCheckButton appId={appId} links={links} onChecked={setLinks} disabled={readOnly} />}
      >
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <Tabs value={tab} onValueChange={setTab}>
            <TabList label="Listing sections" className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
              {tabs.map((t) => (
                <Tab
                  key={t.id}
                  value={t.id}
                  className="-mb-px flex items-center gap-1.5 border-b-2 border-transparent px-3 pt-1 pb-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700"
                >
                  {t.label}
                  {errorTabs.has(t.id as TabId) ? (
                    <span className="size-2 rounded-full bg-red-500" aria-label="has errors" />
                  ) : null}
                </Tab>
              ))}
            </TabList>
            <TabPanel value="basic" className="space-y-6">
              <BasicSection gateway={gateway} />
            </TabPanel>
            <TabPanel value="oauth" className="space-y-6">
              <ScopesSection />
            </TabPanel>
            <TabPanel value="features" className="space-y-6">
              <FeaturesSection />
            </TabPanel>
            <TabPanel value="general" className="space-y-6">
              <GeneralSection media={media} />
            </TabPanel>
            <TabPanel value="setup" className="space-y-6">
              <SetupSection onboarding={<OnboardingSection appId={appId} />} />
            </TabPanel>
            <TabPanel value="support" className="space-y-6">
              <SupportSection />
            </TabPanel>
            {kind === "PUBLIC" ? (
              <TabPanel value="review" className="space-y-6">
                <ReviewSection />
              </TabPanel>
            ) : null}
          </Tabs>
        </form>
      </ChecklistLayer>
      {autosave.conflict ? (
        <ConflictDialog
          conflict={{ current: autosave.conflict.current, mine: autosave.conflict.mine as Record<string, unknown> }}
          onResolve={async (choice) => {
            const theirs = await saver.resolve(choice);
            if (!theirs) return;
            resetting.current = true;
            form.reset(theirs);
            resetting.current = false;
          }}
        />
      ) : null}
    </FormProvider>
  );
}

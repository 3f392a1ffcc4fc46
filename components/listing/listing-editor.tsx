"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { resolveCommentAction, resolveFeedbackAction } from "@/app/(dashboard)/apps/[appId]/review/actions";
import type { FeedbackView } from "@/lib/review/service";
import { SECTION_FIELD } from "@/lib/share/choices";
import type { CommentView } from "@/lib/share/service";
import { FormProvider, useForm } from "react-hook-form";
import dynamic from "next/dynamic";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { CircleAlert, CircleCheck, CloudOff, Loader2 } from "lucide-react";
import type { DraftState } from "@/lib/listing/drafts";
import { FIELDS, TABS, type TabId } from "@/lib/listing/fields";
import type { IconVisibility, LinkStatus } from "@/lib/listing/readiness";
import { LinkCheckButton } from "./link-check-button";
import type { ListingDraftInput, ListingField } from "@/lib/listing/schema";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { loadChecks } from "./lazy-modules";
import { cn } from "@/lib/utils";
import { ChecklistLayer } from "./checklist-layer";
import type { EditorNote } from "./editor-fields";
import { FeaturesSection } from "./sections/features";
import { GeneralSection } from "./sections/general";
import { ScopesSection } from "./sections/scopes";
import { OnboardingSection } from "./sections/onboarding";
import { BasicSection, ReviewSection, SetupSection, SupportSection } from "./sections/simple";
import { useAutosave, type SaveStatus } from "./use-autosave";

/** Shown only when someone else saved first, so it loads only then. */
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((m) => m.ConflictDialog));

/** The editor validates with the listing schema from the checks chunk (one download for both). */
const draftResolver = lazyZodResolver<ListingDraftInput>(() => loadChecks().then((m) => m.listingDraftSchema));

const STATUS: Record<SaveStatus, { label: string; icon: typeof CircleCheck; tone: string }> = {
  saved: { label: "All changes saved", icon: CircleCheck, tone: "text-brand-700" },
  pending: { label: "Unsaved changes…", icon: Loader2, tone: "text-slate-600" },
  saving: { label: "Saving…", icon: Loader2, tone: "text-slate-600" },
  failed: { label: "Not saved", icon: CloudOff, tone: "text-red-600" },
  invalid: { label: "Not saved: fix the highlighted fields", icon: CircleAlert, tone: "text-red-600" },
  conflict: { label: "Someone else saved: choose a version", icon: CircleAlert, tone: "text-amber-700" },
};

const tabOf = (path: string) => FIELDS[path.split(".")[0] as ListingField]?.tab;

export function ListingEditor({
  appId,
  initial,
  readOnly,
  media,
  icons: initialIcons,
  comments,
  feedback,
  builtBy,
  focusField,
  links: initialLinks,
}: {
  appId: string;
  initial: DraftState;
  readOnly: boolean;
  media: React.ReactNode;
  icons: Record<string, IconVisibility>;
  comments: CommentView[];
  feedback: FeedbackView[];
  builtBy: string;
  focusField?: ListingField;
  links: Record<string, LinkStatus>;
}) {
  const router = useRouter();
  const [links, setLinks] = useState(initialLinks);
  const notes = useMemo(
    () => [
      ...feedback.map((f) => ({
        field: f.field as string | null,
        fieldLabel: f.fieldLabel,
        note: { id: f.id, kind: "feedback", title: `Reviewer feedback${f.createdBy ? `, added by ${f.createdBy}` : ""}`, body: f.message, createdAt: f.createdAt } satisfies EditorNote,
      })),
      ...comments.map((c) => ({
        field: SECTION_FIELD[c.section] ?? null,
        fieldLabel: c.sectionLabel,
        note: { id: c.id, kind: "comment", title: `Comment from ${c.authorName}${c.link ? ` via “${c.link}”` : ""}`, body: c.body, createdAt: c.createdAt } satisfies EditorNote,
      })),
    ],
    [comments, feedback],
  );
  const resolveNote = useCallback(
    async (note: EditorNote) => {
      const result = note.kind === "comment" ? await resolveCommentAction(appId, note.id) : await resolveFeedbackAction(appId, note.id);
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(note.kind === "comment" ? "Comment resolved" : "Feedback resolved");
      router.refresh();
    },
    [appId, router],
  );
  const [tab, setTab] = useState<string>("basic");
  const [icons, setIcons] = useState(initialIcons);
  const form = useForm<ListingDraftInput>({
    defaultValues: initial.data as ListingDraftInput,
    resolver: draftResolver,
    mode: "all",
  });
  const autosave = useAutosave(appId, initial.revision);
  const registerIcon = useCallback((id: string, v: IconVisibility) => setIcons((all) => ({ ...all, [id]: v })), []);
  const { errors } = form.formState;

  const { schedule } = autosave;
  const resetting = useRef(false);
  const validation = useRef(0);
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
        const run = ++validation.current;
        void form.trigger().then((valid) => {
          // Only the newest validation decides: an older, slower one must not save stale state.
          if (run === validation.current) schedule(form.getValues(), valid);
        });
      },
    });
  }, [form, schedule, readOnly]);

  const errorTabs = new Set(Object.keys(errors).map(tabOf));
  const status = STATUS[autosave.status];

  return (
      <FormProvider {...form}>
        <div className="mb-2 flex flex-wrap items-center justify-end gap-3">
          {readOnly ? (
            <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">Read only</span>
          ) : (
            <p role="status" data-testid="save-status" data-status={autosave.status} className={cn("flex items-center gap-1.5 text-sm font-medium", status.tone)}>
              <status.icon aria-hidden className={cn("size-4", (autosave.status === "saving" || autosave.status === "pending") && "animate-spin")} />
              {status.label}
            </p>
          )}
        </div>
        {autosave.error && autosave.status !== "saved" ? <p className="mb-4 text-sm text-red-600">{autosave.error}</p> : null}
        <ChecklistLayer
          control={form.control}
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
            <TabList label="Listing sections" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
              {TABS.map((tab) => (
                <Tab
                  key={tab.id}
                  value={tab.id}
                  className="-mb-px flex items-center gap-1.5 whitespace-nowrap border-b-2 border-transparent px-3 pb-2 pt-1 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700"
                >
                  {tab.label}
                  {errorTabs.has(tab.id as TabId) ? <span className="size-2 rounded-full bg-red-500" aria-label="has errors" /> : null}
                </Tab>
              ))}
            </TabList>
            <TabPanel value="basic" className="space-y-6"><BasicSection /></TabPanel>
            <TabPanel value="oauth" className="space-y-6"><ScopesSection /></TabPanel>
            <TabPanel value="features" className="space-y-6"><FeaturesSection /></TabPanel>
            <TabPanel value="general" className="space-y-6"><GeneralSection media={media} /></TabPanel>
            <TabPanel value="setup" className="space-y-6"><SetupSection onboarding={<OnboardingSection appId={appId} />} /></TabPanel>
            <TabPanel value="support" className="space-y-6"><SupportSection /></TabPanel>
            <TabPanel value="review" className="space-y-6"><ReviewSection /></TabPanel>
          </Tabs>
        </form>
        </ChecklistLayer>
        {autosave.conflict ? (
        <ConflictDialog
          conflict={{ current: autosave.conflict.current, mine: autosave.conflict.mine as Record<string, unknown> }}
          onResolve={async (choice) => {
            const theirs = await autosave.resolve(choice);
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

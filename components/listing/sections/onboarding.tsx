"use client";

import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LIMITS } from "@/lib/pipedrive/limits";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { Section, TextField, useEditor } from "../editor-fields";
import { uploadFile } from "../upload";
import { DropZone, Progress } from "./media";

function BlockImage({ appId, index }: { appId: string; index: number }) {
  const { control, setValue } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const imageId = useWatch({ control, name: `onboarding.blocks.${index}.imageAssetId` }) as string | null | undefined;
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFiles = async ([file]: File[]) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const asset = await uploadFile(appId, "onboarding", file, setProgress);
      setValue(`onboarding.blocks.${index}.imageAssetId`, asset.id, { shouldDirty: true, shouldValidate: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-800">Image for block {index + 1}</p>
      {imageId ? (
        // eslint-disable-next-line @next/next/no-img-element -- access-controlled asset route
        <img
          src={`/api/assets/${imageId}?size=thumb`}
          alt={`Onboarding block ${index + 1}`}
          className="h-20 rounded object-cover ring-1 ring-slate-200"
        />
      ) : null}
      {progress !== null ? <Progress name={`block ${index + 1} image`} value={progress} /> : null}
      {!readOnly ? (
        <DropZone label={imageId ? `Replace image ${index + 1}` : `Choose image ${index + 1}`} onFiles={onFiles} />
      ) : null}
      <p className="text-xs text-slate-500">PNG or JPEG, 720×400, at most 100 KB.</p>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function OnboardingSection({ appId }: { appId: string }) {
  const { control } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const { fields, append, remove } = useFieldArray({ control, name: "onboarding.blocks", keyName: "key" });
  return (
    <Section
      title="Onboarding guide"
      description="Shown to users after they install the app, once Pipedrive has approved it. Up to 4 blocks and one video."
    >
      <ol className="space-y-4">
        {fields.map((field, index) => (
          <li
            key={field.key}
            className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-[1fr_16rem]"
            aria-label={`Onboarding block ${index + 1}`}
          >
            <div className="space-y-4">
              <TextField
                name={`onboarding.blocks.${index}.title`}
                label={`Block ${index + 1} title`}
                limit={LIMITS.onboardingTitle}
              />
              <TextField
                name={`onboarding.blocks.${index}.description`}
                label={`Block ${index + 1} description`}
                limit={LIMITS.onboardingDescription}
                multiline
              />
              {!readOnly ? (
                <Button type="button" size="sm" variant="ghost" onClick={() => remove(index)}>
                  <Trash2 aria-hidden /> Remove block {index + 1}
                </Button>
              ) : null}
            </div>
            <BlockImage appId={appId} index={index} />
          </li>
        ))}
      </ol>
      {!readOnly && fields.length < LIMITS.onboardingBlocks ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => append({ id: crypto.randomUUID(), title: "", description: "", imageAssetId: null })}
        >
          <Plus aria-hidden /> Add onboarding block
        </Button>
      ) : null}
      <div className="grid grid-cols-1 gap-5 border-t border-slate-100 pt-5 md:grid-cols-2">
        <div className="md:col-span-2">
          <TextField
            name="onboarding.videoUrl"
            label="Onboarding video link"
            type="url"
            help="YouTube, Vimeo, Vidyard or Wistia."
          />
        </div>
        <TextField name="onboarding.videoTitle" label="Video title" limit={LIMITS.onboardingVideoTitle} />
        <TextField
          name="onboarding.videoDescription"
          label="Video description"
          limit={LIMITS.onboardingVideoDescription}
        />
      </div>
    </Section>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { CATEGORIES } from "@/lib/listing/catalog";
import { LIMITS } from "@/lib/listing/limits";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { youtubeThumbnailUrl, youtubeVideoId } from "@/lib/listing/youtube";
import { RichTextField } from "../rich-text-field";
import { FieldNotes, Section, TextField, useEditor, useFieldMessages, useRequired } from "../editor-fields";

function Categories() {
  const { control, setValue } = useFormContext<ListingDraftInput>();
  const { readOnly } = useEditor();
  const selected = (useWatch({ control, name: "categories" }) ?? []) as string[];
  const { error, warning } = useFieldMessages("categories");
  const required = useRequired("categories", true);
  const toggle = (category: string, on: boolean) =>
    setValue("categories", (on ? [...selected, category] : selected.filter((c) => c !== category)) as ListingDraftInput["categories"], {
      shouldDirty: true,
      shouldValidate: true,
    });
  return (
    <fieldset id="categories-section" tabIndex={-1} aria-describedby="categories-note" className="focus:outline-none">
      <legend className="text-sm font-medium text-slate-800">
        Categories {required ? <span className="text-slate-400" aria-hidden>*</span> : null}
      </legend>
      <p id="categories-note" className="mb-2 text-xs text-slate-500">
        Choose up to {LIMITS.categories} that match your use cases. {selected.length} selected.
      </p>
      <div className="mb-2"><FieldNotes field="categories" /></div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {CATEGORIES.map((category) => (
          <label key={category} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input
              type="checkbox"
              checked={selected.includes(category)}
              disabled={readOnly || (!selected.includes(category) && selected.length >= LIMITS.categories)}
              onChange={(e) => toggle(category, e.target.checked)}
            />
            {category}
          </label>
        ))}
      </div>
      {error ? <p role="alert" className="mt-2 text-sm text-red-600">{error}</p> : warning ? <p className="mt-2 text-sm text-amber-700">{warning}</p> : null}
    </fieldset>
  );
}

function VideoPreview() {
  const value = (useWatch({ name: "videoUrl" }) as string | undefined) ?? "";
  const id = youtubeVideoId(value);
  if (!id) return null;
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      {/* eslint-disable-next-line @next/next/no-img-element -- YouTube's thumbnail host */}
      <img src={youtubeThumbnailUrl(id)} alt="Video thumbnail" width={160} height={90} className="rounded-md bg-slate-100 object-cover" />
      <span>
        YouTube video <code data-testid="video-id">{id}</code>
      </span>
    </div>
  );
}

export function GeneralSection({ media }: { media: React.ReactNode }) {
  return (
    <>
      <Section title="Listing text" description="What customers read on the Marketplace.">
        <TextField name="summary" label="Short summary" limit={LIMITS.summary} required help="Shown in list views: state the value your app brings." />
        <RichTextField name="description" label="Full description" limit={LIMITS.description} required help="Specific to this integration; paragraphs, bold, italic, lists and links. Add a disclaimer at the top if the app serves only some markets." />
        <Categories />
      </Section>
      {media}
      <Section title="Video" description="One YouTube video that shows the app in real use.">
        <TextField name="videoUrl" label="YouTube link" type="url" placeholder="https://www.youtube.com/watch?v=…" help="Any YouTube link: watch, youtu.be, shorts or embed." />
        <VideoPreview />
      </Section>
    </>
  );
}

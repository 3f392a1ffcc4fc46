"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { CATEGORIES, categoryName } from "@/lib/listing/catalog";
import { LIMITS } from "@/lib/pipedrive/limits";
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
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  const set = (next: string[]) =>
    setValue("categories", next as ListingDraftInput["categories"], { shouldDirty: true, shouldValidate: true });
  const toggle = (category: string, on: boolean) =>
    set(on ? [...selected, category] : selected.filter((c) => c !== category));
  const known = new Set<string>(CATEGORIES);
  const custom = selected.filter((c) => !known.has(c));
  const full = selected.length >= LIMITS.categories;
  const add = () => {
    const name = categoryName(typed);
    if (!name) return setTypedError("Type the category's name as Developer Hub shows it");
    if (name.length > LIMITS.categoryName)
      return setTypedError(`A category name must be at most ${LIMITS.categoryName} characters`);
    if (/[<>]/.test(name)) return setTypedError("A category name cannot contain < or >");
    if (selected.some((c) => c.toLowerCase() === name.toLowerCase()))
      return setTypedError(`“${name}” is already chosen`);
    if (full) return setTypedError(`Choose at most ${LIMITS.categories} categories`);
    set([...selected, name]);
    setTyped("");
    setTypedError(null);
  };
  return (
    <fieldset id="categories-section" tabIndex={-1} aria-describedby="categories-note" className="focus:outline-none">
      <legend className="text-sm font-medium text-slate-800">
        Categories{" "}
        {required ? (
          <span className="text-slate-400" aria-hidden>
            *
          </span>
        ) : null}
      </legend>
      <p id="categories-note" className="mb-2 text-xs text-slate-500">
        Choose up to {LIMITS.categories} that match your use cases. {selected.length} selected. Pipedrive does not
        publish its list: if Developer Hub shows a category that is not here, add it by its exact name.
      </p>
      <div className="mb-2">
        <FieldNotes field="categories" />
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {[...CATEGORIES, ...custom].map((category) => (
          <label
            key={category}
            className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="checkbox"
              checked={selected.includes(category)}
              disabled={readOnly || (!selected.includes(category) && full)}
              onChange={(e) => toggle(category, e.target.checked)}
            />
            <span className="min-w-0 break-words">{category}</span>
            {!known.has(category) ? (
              <span className="ml-auto rounded bg-slate-100 px-1.5 text-xs text-slate-600">entered</span>
            ) : null}
          </label>
        ))}
      </div>
      {!readOnly ? (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          <div className="min-w-0 flex-1 sm:max-w-sm">
            <label htmlFor="category-by-name" className="sr-only">
              Category name, as Developer Hub shows it
            </label>
            <input
              id="category-by-name"
              list="known-categories"
              value={typed}
              maxLength={LIMITS.categoryName + 20}
              placeholder="Category name, as Developer Hub shows it"
              className={inputClass}
              aria-invalid={typedError ? true : undefined}
              aria-describedby={typedError ? "category-by-name-error" : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                setTypedError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <datalist id="known-categories">
              {CATEGORIES.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            {typedError ? (
              <p id="category-by-name-error" role="alert" className="mt-1 text-sm text-red-600">
                {typedError}
              </p>
            ) : null}
          </div>
          <Button type="button" variant="secondary" onClick={add} disabled={full}>
            Add category
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : warning ? (
        <p className="mt-2 text-sm text-amber-700">{warning}</p>
      ) : null}
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
      <img
        src={youtubeThumbnailUrl(id)}
        alt="Video thumbnail"
        width={160}
        height={90}
        className="rounded-md bg-slate-100 object-cover"
      />
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
        <TextField
          name="summary"
          label="Short summary"
          limit={LIMITS.summary}
          required
          help="Shown in list views: state the value your app brings."
        />
        <RichTextField
          name="description"
          label="Full description"
          limit={LIMITS.description}
          required
          help="Specific to this integration; paragraphs, bold, italic, lists and links. Add a disclaimer at the top if the app serves only some markets."
        />
        <Categories />
      </Section>
      {media}
      <Section title="Video" description="One YouTube video that shows the app in real use.">
        <TextField
          name="videoUrl"
          label="YouTube link"
          type="url"
          placeholder="https://www.youtube.com/watch?v=…"
          help="Any YouTube link: watch, youtu.be, shorts or embed."
        />
        <VideoPreview />
      </Section>
    </>
  );
}

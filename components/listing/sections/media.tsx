"use client";

import { useRef, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { GripVertical, ImagePlus, Trash2 } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { LIMITS } from "@/lib/pipedrive/limits";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { cn } from "@/components/ui/cn";
import { FieldNotes, Section, useEditor, useFieldMessages, useRequired } from "../editor-fields";
import { MoveButtons } from "../move-buttons";
import { uploadFile } from "../upload";

const assetUrl = (id: string, thumb = true) => `/api/assets/${id}${thumb ? "?size=thumb" : ""}`;

export function DropZone({
  label,
  multiple,
  disabled,
  onFiles,
}: {
  label: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles([...e.dataTransfer.files]);
      }}
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm",
        over ? "border-brand-600 bg-brand-50" : "border-slate-300",
      )}
    >
      <ImagePlus aria-hidden className="size-6 text-slate-400" />
      <p className="text-slate-600">Drop PNG or JPEG here, or</p>
      <Button type="button" size="sm" variant="secondary" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        multiple={multiple}
        aria-label={label}
        className="sr-only"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
    </div>
  );
}

export function Progress({ value, name }: { value: number; name: string }) {
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600">Uploading {name}…</p>
      <div
        role="progressbar"
        aria-label={`Uploading ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value * 100)}
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.round(value * 100)}%` }} />
      </div>
    </div>
  );
}

export function MediaSection({ appId }: { appId: string }) {
  const { control, setValue, register, getValues } = useFormContext<ListingDraftInput>();
  const { readOnly, registerIcon } = useEditor();
  const iconId = useWatch({ control, name: "iconAssetId" }) as string | null | undefined;
  const { fields, append, remove, move } = useFieldArray({ control, name: "images", keyName: "key" });
  const [uploads, setUploads] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<{ icon?: string; images: string[] }>({ images: [] });
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const iconMessages = useFieldMessages("iconAssetId");
  const imageMessages = useFieldMessages("images");
  const iconRequired = useRequired("iconAssetId", true);
  const imagesRequired = useRequired("images", true);
  /** Images being uploaded: they count against the limit before they arrive. */
  const uploading = useRef(0);

  const run = async (kind: "icon" | "image", file: File) => {
    const track = (v: number) => setUploads((u) => ({ ...u, [file.name]: v }));
    track(0);
    try {
      const asset = await uploadFile(
        appId,
        kind,
        file,
        track,
        kind === "image" ? (getValues("images") ?? []).length : undefined,
      );
      if (kind === "icon") {
        registerIcon?.(asset.id, asset);
        setValue("iconAssetId", asset.id, { shouldDirty: true, shouldValidate: true });
      } else append({ assetId: asset.id, alt: "" });
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      setUploads(({ [file.name]: _done, ...rest }) => rest);
    }
  };

  const onIcon = async (files: File[]) => {
    if (!files[0]) return;
    setErrors((e) => ({ ...e, icon: undefined }));
    const problem = await run("icon", files[0]);
    setErrors((e) => ({ ...e, icon: problem ?? undefined }));
  };

  const onImages = async (files: File[]) => {
    // A listing holds at most 5 images: files beyond that are refused before they are uploaded.
    const room = Math.max(0, LIMITS.images - (getValues("images") ?? []).length - uploading.current);
    const accepted = files.slice(0, room);
    const problems = files
      .slice(room)
      .map(
        (file) =>
          `${file.name} was not uploaded: a listing has at most ${LIMITS.images} images. Remove one to add another.`,
      );
    setErrors((e) => ({ ...e, images: problems }));
    uploading.current += accepted.length;
    for (const file of accepted) {
      const problem = await run("image", file);
      uploading.current -= 1;
      if (problem) problems.push(problem);
    }
    setErrors((e) => ({ ...e, images: problems }));
  };

  return (
    <Section
      id="media-section"
      title="Icon and images"
      description="PNG or JPEG, at most 10 MB each. Screenshots must not show real customer data or tokens."
    >
      <FieldNotes field="iconAssetId" />
      <FieldNotes field="images" />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[14rem_1fr]">
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-800">
            App icon{" "}
            {iconRequired ? (
              <span className="text-slate-400" aria-hidden>
                *
              </span>
            ) : null}
          </p>
          {iconId ? (
            <div className="flex items-center gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- access-controlled asset route */}
              <img
                src={assetUrl(iconId, false)}
                alt="App icon"
                className="size-20 rounded-xl object-cover ring-1 ring-slate-200"
                data-testid="icon-preview"
              />
              {!readOnly ? (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => setValue("iconAssetId", null, { shouldDirty: true, shouldValidate: true })}
                >
                  Remove
                </Button>
              ) : null}
            </div>
          ) : null}
          {!readOnly ? <DropZone label={iconId ? "Replace icon" : "Choose icon"} onFiles={onIcon} /> : null}
          <p className="text-xs text-slate-500">Square, at least 256×256. Must read on light and dark backgrounds.</p>
          {errors.icon ? (
            <p role="alert" className="text-sm text-red-600">
              {errors.icon}
            </p>
          ) : iconMessages.warning ? (
            <p className="text-sm text-amber-700">{iconMessages.warning}</p>
          ) : null}
        </div>
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">
            Listing images{" "}
            {imagesRequired ? (
              <span className="text-slate-400" aria-hidden>
                *
              </span>
            ) : null}{" "}
            <span className="font-normal text-slate-500">
              ({fields.length} / {LIMITS.images}; 3–5 recommended)
            </span>
          </p>
          <ol className="space-y-2" aria-label="Listing images">
            {fields.map((field, index) => (
              <li
                key={field.key}
                draggable={!readOnly}
                onDragStart={() => setDragFrom(index)}
                onDragOver={(e) => dragFrom !== null && e.preventDefault()}
                onDrop={(e) => {
                  if (dragFrom === null) return;
                  e.preventDefault();
                  move(dragFrom, index);
                  setDragFrom(null);
                }}
                data-testid="listing-image"
                className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-2"
              >
                {!readOnly ? <GripVertical aria-hidden className="size-4 cursor-grab text-slate-400" /> : null}
                {/* eslint-disable-next-line @next/next/no-img-element -- access-controlled asset route */}
                <img
                  src={assetUrl(field.assetId)}
                  alt=""
                  className="h-16 w-[6.4rem] rounded object-cover ring-1 ring-slate-200"
                  data-asset={field.assetId}
                />
                <div className="min-w-0 flex-1">
                  <label htmlFor={`image-alt-${index}`} className="text-xs font-medium text-slate-700">
                    Alt text for image {index + 1}
                  </label>
                  <input
                    id={`image-alt-${index}`}
                    readOnly={readOnly}
                    className={inputClass}
                    maxLength={LIMITS.imageAlt}
                    {...register(`images.${index}.alt`)}
                  />
                </div>
                {!readOnly ? (
                  <MoveButtons label="image" index={index} count={fields.length} move={move} vertical />
                ) : null}
                {!readOnly ? (
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove image ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
          {Object.entries(uploads).map(([name, value]) => (
            <Progress key={name} name={name} value={value} />
          ))}
          {readOnly ? null : fields.length < LIMITS.images ? (
            <DropZone label="Add images" multiple onFiles={onImages} />
          ) : (
            <p
              className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600"
              data-testid="images-full"
            >
              This listing has {LIMITS.images} images, the most Pipedrive shows. Remove one to add another.
            </p>
          )}
          <p className="text-xs text-slate-500">
            16:10 at 1280×800, 1440×900, 2560×1600 or 2880×1800. Drag or use the arrows to reorder.
          </p>
          {errors.images.map((message) => (
            <p key={message} role="alert" className="text-sm text-red-600">
              {message}
            </p>
          ))}
          {imageMessages.error ? (
            <p className="text-sm text-red-600">{imageMessages.error}</p>
          ) : imageMessages.warning ? (
            <p className="text-sm text-amber-700">{imageMessages.warning}</p>
          ) : null}
        </div>
      </div>
    </Section>
  );
}

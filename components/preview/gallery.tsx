"use client";

import { useState } from "react";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

export type GalleryImage = { src: string; thumb: string; alt: string };

/**
 * Listing images with a lightbox on a native modal `<dialog>` (the browser keeps focus inside and
 * closes it on Escape); arrow keys move. The share page's own script does the same without React.
 */
export function Gallery({ images }: { images: GalleryImage[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const dialog = useModalDialog(open !== null);
  const current = open === null ? null : images[open];

  if (images.length === 0) return null;
  const step = (delta: number) => setOpen((i) => (i === null ? i : (i + delta + images.length) % images.length));
  return (
    <>
      <ul className="flex gap-3 overflow-x-auto pb-2" aria-label="Screenshots">
        {images.map((image, i) => (
          <li key={`${image.src}-${i}`} className="shrink-0">
            <button
              type="button"
              onClick={() => setOpen(i)}
              data-full={image.src}
              data-alt={image.alt}
              className="block overflow-hidden rounded-lg ring-1 ring-slate-200 focus-visible:ring-2 focus-visible:ring-brand-600"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served by our own routes */}
              <img
                src={image.thumb}
                alt={image.alt || `Screenshot ${i + 1}`}
                width={320}
                height={200}
                className="h-[150px] w-[240px] object-cover"
              />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-label={`Screenshot ${open !== null ? open + 1 : ""} of ${images.length}`}
        aria-describedby="gallery-help"
        onClose={() => setOpen(null)}
        onClick={(event) => event.target === event.currentTarget && setOpen(null)}
        onKeyDown={(event) => {
          if (event.key === "ArrowRight") step(1);
          if (event.key === "ArrowLeft") step(-1);
        }}
        className="m-auto max-h-none max-w-none bg-transparent p-4 outline-none backdrop:bg-slate-950/80"
      >
        <div className="flex flex-col items-center justify-center gap-3">
          <p id="gallery-help" className="sr-only">
            Use the arrow keys to move between screenshots and Escape to close.
          </p>
          {current ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by our own routes
            <img
              src={current.src}
              alt={current.alt || `Screenshot ${(open ?? 0) + 1}`}
              className="max-h-[80vh] max-w-full rounded-lg bg-white object-contain"
            />
          ) : null}
          <p className="text-sm text-white">{current?.alt}</p>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => step(-1)}
              aria-label="Previous screenshot"
              className="rounded-full bg-white/90 p-2 text-slate-900"
            >
              <ChevronLeft aria-hidden className="size-5" />
            </button>
            <button
              type="button"
              onClick={() => setOpen(null)}
              aria-label="Close"
              autoFocus
              className="rounded-full bg-white/90 p-2 text-slate-900"
            >
              <X aria-hidden className="size-5" />
            </button>
            <button
              type="button"
              onClick={() => step(1)}
              aria-label="Next screenshot"
              className="rounded-full bg-white/90 p-2 text-slate-900"
            >
              <ChevronRight aria-hidden className="size-5" />
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, X } from "lucide-react";

export type GalleryImage = { src: string; thumb: string; alt: string };

/** Listing images with a lightbox: Escape closes, arrow keys move, focus stays inside. */
export function Gallery({ images }: { images: GalleryImage[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (images.length === 0) return null;
  const current = open === null ? null : images[open];
  const step = (delta: number) => setOpen((i) => (i === null ? i : (i + delta + images.length) % images.length));
  return (
    <>
      <ul className="flex gap-3 overflow-x-auto pb-2" aria-label="Screenshots">
        {images.map((image, i) => (
          <li key={`${image.src}-${i}`} className="shrink-0">
            <button type="button" onClick={() => setOpen(i)} data-full={image.src} data-alt={image.alt} className="block overflow-hidden rounded-lg ring-1 ring-slate-200 focus-visible:ring-2 focus-visible:ring-brand-600">
              {/* eslint-disable-next-line @next/next/no-img-element -- served by our own routes */}
              <img src={image.thumb} alt={image.alt || `Screenshot ${i + 1}`} width={320} height={200} className="h-[150px] w-[240px] object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <Dialog.Root open={current !== null && current !== undefined} onOpenChange={(o) => !o && setOpen(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/80" />
          <Dialog.Content
            className="fixed inset-4 z-50 flex flex-col items-center justify-center gap-3 outline-none"
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") step(1);
              if (e.key === "ArrowLeft") step(-1);
            }}
          >
            <Dialog.Title className="sr-only">Screenshot {open !== null ? open + 1 : ""} of {images.length}</Dialog.Title>
            <Dialog.Description className="sr-only">Use the arrow keys to move between screenshots and Escape to close.</Dialog.Description>
            {current ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our own routes
              <img src={current.src} alt={current.alt || `Screenshot ${(open ?? 0) + 1}`} className="max-h-[80vh] max-w-full rounded-lg bg-white object-contain" />
            ) : null}
            <p className="text-sm text-white">{current?.alt}</p>
            <div className="flex gap-2">
              <button type="button" onClick={() => step(-1)} aria-label="Previous screenshot" className="rounded-full bg-white/90 p-2 text-slate-900"><ChevronLeft aria-hidden className="size-5" /></button>
              <Dialog.Close aria-label="Close" className="rounded-full bg-white/90 p-2 text-slate-900"><X aria-hidden className="size-5" /></Dialog.Close>
              <button type="button" onClick={() => step(1)} aria-label="Next screenshot" className="rounded-full bg-white/90 p-2 text-slate-900"><ChevronRight aria-hidden className="size-5" /></button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}

"use client";

import { useState } from "react";
import { Play } from "lucide-react";
import { youtubeEmbedUrl } from "@/lib/listing/youtube";

/** Nothing is requested from YouTube (not even a thumbnail) until the visitor asks to play; then only from youtube-nocookie. */
export function ClickToLoadVideo({ videoId, title }: { videoId: string; title: string }) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <iframe
        src={youtubeEmbedUrl(videoId)}
        title={title}
        allow="autoplay; encrypted-media; picture-in-picture"
        allowFullScreen
        className="aspect-video w-full rounded-lg"
      />
    );
  }
  return (
    <button
      type="button"
      onClick={() => setPlaying(true)}
      className="group relative flex aspect-video w-full items-center justify-center overflow-hidden rounded-lg bg-slate-900 text-white"
      aria-label={`Play video: ${title}`}
      data-video-id={videoId}
    >
      <span className="absolute inset-0 bg-gradient-to-br from-slate-800 to-slate-950" aria-hidden />
      <span className="relative flex items-center gap-2 rounded-full bg-red-600 px-5 py-3 font-semibold shadow-lg group-hover:bg-red-700">
        <Play aria-hidden className="size-5 fill-white" /> Play video
      </span>
    </button>
  );
}

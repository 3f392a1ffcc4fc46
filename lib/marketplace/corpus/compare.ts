/** How the corpus's expectations are compared with what a reader gives (shared by its tests). */

/** Text compared without its layout: runs of white space are one space. */
export const clean = (s: string) => s.replace(/\s+/g, " ").trim();

/** The YouTube video id in any YouTube address (watch, youtu.be, embed, nocookie, shorts, thumbnails). */
export const youtubeId = (url: string | null): string | null => {
  if (!url) return null;
  const m =
    /[?&]v=([\w-]{11})/.exec(url) ??
    /youtu\.be\/([\w-]{11})/.exec(url) ??
    /youtube(?:-nocookie)?\.com\/(?:embed|shorts|v)\/([\w-]{11})/.exec(url) ??
    /ytimg\.com\/vi\/([\w-]{11})/.exec(url);
  return m ? (m[1] ?? null) : url;
};

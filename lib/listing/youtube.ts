/** YouTube is the only video host the Marketplace listing accepts. */

const ID = /^[A-Za-z0-9_-]{11}$/;
const HOSTS = new Set([
  "youtube.com",
  "www.youtube.com",
  "m.youtube.com",
  "music.youtube.com",
  "youtu.be",
  "www.youtube-nocookie.com",
  "youtube-nocookie.com",
]);

/** The 11-character video id of any YouTube URL form (watch, youtu.be, shorts, embed, live), or null. */
export function youtubeVideoId(input: string): string | null {
  const value = input.trim();
  if (ID.test(value)) return null; // a bare id is not a link
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  if (!HOSTS.has(host)) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  let id: string | null | undefined;
  if (host === "youtu.be") id = segments[0];
  else if (segments[0] === "watch") id = url.searchParams.get("v");
  else if (segments[0] && ["shorts", "embed", "live", "v", "e"].includes(segments[0])) id = segments[1];
  return id && ID.test(id) ? id : null;
}

export const youtubeWatchUrl = (id: string) => `https://www.youtube.com/watch?v=${id}`;
export const youtubeThumbnailUrl = (id: string) => `https://i.ytimg.com/vi/${id}/hqdefault.jpg`;
export const youtubeEmbedUrl = (id: string) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`;

/** The onboarding guide's video may also come from Vimeo, Vidyard or Wistia. */
export function isOnboardingVideoUrl(input: string): boolean {
  if (youtubeVideoId(input)) return true;
  if (!URL.canParse(input.trim())) return false;
  const url = new URL(input.trim());
  if (url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  const on = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  return (on("vimeo.com") || on("vidyard.com") || on("wistia.com") || on("wistia.net")) && url.pathname.length > 1;
}

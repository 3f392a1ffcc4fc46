import { describe, expect, it } from "vitest";
import { youtubeVideoId } from "./youtube";

const ID = "dQw4w9WgXcQ";

describe("youtubeVideoId", () => {
  it.each([
    `https://www.youtube.com/watch?v=${ID}`,
    `https://youtube.com/watch?feature=share&v=${ID}&t=42s`,
    `http://m.youtube.com/watch?v=${ID}`,
    `https://youtu.be/${ID}`,
    `https://youtu.be/${ID}?si=abc&t=10`,
    `youtu.be/${ID}`,
    `www.youtube.com/watch?v=${ID}`,
    `https://www.youtube.com/shorts/${ID}`,
    `https://www.youtube.com/embed/${ID}?start=5`,
    `https://www.youtube-nocookie.com/embed/${ID}`,
    `https://www.youtube.com/live/${ID}?feature=share`,
    `  https://www.youtube.com/watch?v=${ID}  `,
  ])("finds the id in %s", (url) => {
    expect(youtubeVideoId(url)).toBe(ID);
  });

  it.each([
    "https://vimeo.com/123456",
    `https://www.youtube.com.evil.test/watch?v=${ID}`,
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/channel/UCabc",
    `javascript:alert('${ID}')`,
    `ftp://youtube.com/watch?v=${ID}`,
    ID,
    "",
    "not a url at all",
  ])("rejects %s", (url) => {
    expect(youtubeVideoId(url)).toBeNull();
  });
});

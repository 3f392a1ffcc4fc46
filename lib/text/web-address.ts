/** Checks of web addresses and email addresses typed by people, light enough for any page. */

/** A full http(s) URL with a real host name (or localhost). */
export const isHttpUrl = (value: string) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const web = url.protocol === "https:" || url.protocol === "http:";
  return web && (url.hostname.includes(".") || url.hostname === "localhost");
};

/** Looks like one email address (what a mailto: link may carry). */
export const looksLikeEmail = (value: string) =>
  /^[^\s@<>()",;:?&=/\\]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(value);

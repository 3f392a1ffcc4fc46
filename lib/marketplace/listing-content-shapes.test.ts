import { afterAll, describe, expect, it } from "vitest";
import { LISTING_SHAPES } from "@/emulator/listing-pages";
import { startEmulator } from "@/emulator/server";
import { readListingContent } from "./listing-content";

const emulator = await startEmulator();
afterAll(() => emulator.close());

const listing = {
  clientId: "rival-content-1",
  name: "DealDesk Pro",
  builtBy: "Rival Inc",
  summary: "Quotes and proposals from your deals.",
  description: "DealDesk Pro builds proposals from deals.\n\nIt syncs products both ways and tracks views.",
  screenshots: ["rival-a", "rival-b", "rival-c"],
  videoUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ",
  categories: ["Sales tools", "Documents & proposals"],
  pricingUrl: "https://dealdesk.example.com/pricing",
  reviews: [{ id: "r1", author: "Ann", stars: 4, date: "2026-11-01T10:00:00Z", text: "Good" }],
};

const page = async (shape: string, extra: object = {}) => {
  const res = await fetch(`${emulator.url}/__emulator/listings`, {
    method: "POST",
    body: JSON.stringify({ ...listing, ...extra, shape }),
  });
  const { url } = (await res.json()) as { url: string };
  return { url, html: await (await fetch(url)).text() };
};

describe("listing content, in every shape the emulator serves", () => {
  it.each(LISTING_SHAPES.filter((s) => s !== "challenge" && s !== "no-reviews"))(
    "%s: name, summary, description, screenshots, video, categories and pricing link",
    async (shape) => {
      const { url, html } = await page(shape);
      const content = readListingContent(html, { url, clientId: listing.clientId });
      expect(content).toEqual({
        name: "DealDesk Pro",
        summary: "Quotes and proposals from your deals.",
        description: expect.stringMatching(/^DealDesk Pro builds proposals from deals\.\s+It syncs products both ways/),
        screenshots: ["rival-a", "rival-b", "rival-c"].map((n) => `${emulator.url}/__emulator/media/${n}.png`),
        video: "https://www.youtube.com/embed/dQw4w9WgXcQ",
        categories: ["Sales tools", "Documents & proposals"],
        pricingUrl: "https://dealdesk.example.com/pricing",
      });
    },
  );

  it.each(["json-ld", "next-data", "flight", "microdata", "dom"])(
    "%s: what the listing does not have is empty, never borrowed from similar apps",
    async (shape) => {
      const { url, html } = await page(shape, {
        description: "",
        screenshots: [],
        videoUrl: null,
        categories: [],
        pricingUrl: null,
      });
      expect(readListingContent(html, { url, clientId: listing.clientId })).toEqual({
        name: "DealDesk Pro",
        summary: "Quotes and proposals from your deals.",
        description: null,
        screenshots: [],
        video: null,
        categories: [],
        pricingUrl: null,
      });
    },
  );

  it("reads schema.org shapes written by hand: ImageObjects, a video id, offers lists, relative addresses", () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      "@type": "WebApplication",
      name: "Handmade",
      description: "<p>Rich <b>text</b> description</p>",
      applicationCategory: "BusinessApplication",
      applicationSubCategory: [{ name: "Marketing" }],
      screenshot: [{ "@type": "ImageObject", contentUrl: "/img/1.png" }, { url: "https://cdn.example.com/2.jpg" }],
      video: { youtubeId: "dQw4w9WgXcQ" },
      offers: [
        { "@type": "Offer", price: "0" },
        { "@type": "Offer", url: "/pricing" },
      ],
    })}</script></head><body><main><h1>Handmade</h1></main></body></html>`;
    expect(readListingContent(html, { url: "https://www.pipedrive.com/en/marketplace/app/handmade/h1" })).toEqual({
      name: "Handmade",
      summary: null,
      description: "Rich text description",
      screenshots: ["https://www.pipedrive.com/img/1.png", "https://cdn.example.com/2.jpg"],
      video: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      categories: ["Marketing"],
      pricingUrl: "https://www.pipedrive.com/pricing",
    });
  });
});

import { describe, expect, it } from "vitest";
import { listingUrlSchema, normaliseListingUrl, reviewLink } from "./listing-url";

const context = { marketplace: "https://www.pipedrive.com", clientId: "b6f1c2d93e4a7f10" };

describe("the Marketplace page URL a partner pastes", () => {
  it.each([
    [
      "https://www.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "https://www.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
    ],
    [
      "  https://www.pipedrive.com/de/marketplace/app/renamed-app/b6f1c2d93e4a7f10/?utm_source=x#reviews ",
      "https://www.pipedrive.com/de/marketplace/app/renamed-app/b6f1c2d93e4a7f10",
    ],
    [
      "www.pipedrive.com/EN/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "https://www.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
    ],
    [
      "https://pipedrive.com/pt-br/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "https://www.pipedrive.com/pt-br/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
    ],
  ])("accepts %s", (raw, stored) => {
    expect(normaliseListingUrl(raw, context)).toEqual({ ok: true, url: stored });
  });

  it.each([
    [
      "not a url at all",
      "Paste the address of the app's page on the Marketplace, e.g. https://www.pipedrive.com/en/marketplace/app/your-app-name/b6f1c2d93e4a7f10",
    ],
    [
      "https://evil.example.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "The page must be on the Marketplace, at www.pipedrive.com",
    ],
    [
      "https://www.pipedrive.com.evil.example/en/marketplace/app/q/b6f1c2d93e4a7f10",
      "The page must be on the Marketplace, at www.pipedrive.com",
    ],
    ["http://www.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10", "The address must start with https://"],
    [
      "https://user:pw@www.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "The address must not contain a user name or password",
    ],
    [
      "https://www.pipedrive.com/en/marketplace",
      "The address must look like …/en/marketplace/app/<app name>/<client ID>, as the app's page on the Marketplace shows it",
    ],
    [
      "https://www.pipedrive.com/en/marketplace/app/quote-flow",
      "The address must look like …/en/marketplace/app/<app name>/<client ID>, as the app's page on the Marketplace shows it",
    ],
    [
      "https://developers.pipedrive.com/en/marketplace/app/quote-flow/b6f1c2d93e4a7f10",
      "The page must be on the Marketplace, at www.pipedrive.com",
    ],
    [
      "https://www.pipedrive.com/en/marketplace/app/quote-flow/0000other0000",
      "This address is for client ID 0000other0000, and this app's client ID is b6f1c2d93e4a7f10: its page address ends in /b6f1c2d93e4a7f10",
    ],
  ])("refuses %s", (raw, message) => {
    expect(normaliseListingUrl(raw, context)).toEqual({ ok: false, message });
  });

  it("the form schema: empty is the default address, anything else is checked", () => {
    const schema = listingUrlSchema(context);
    expect(schema.parse({ listingUrl: "  " })).toEqual({ listingUrl: null });
    expect(schema.safeParse({ listingUrl: "https://x.example" }).error?.issues[0]?.message).toBe(
      "The page must be on the Marketplace, at www.pipedrive.com",
    );
    expect(schema.safeParse({ listingUrl: "a".repeat(2001) }).error?.issues[0]?.message).toBe(
      "The URL must be at most 2,000 characters",
    );
  });

  it("works with a local Marketplace (the emulator) on its port", () => {
    const local = { marketplace: "http://localhost:4100", clientId: "c1" };
    expect(normaliseListingUrl("http://localhost:4100/en/marketplace/app/x/c1", local)).toEqual({
      ok: true,
      url: "http://localhost:4100/en/marketplace/app/x/c1",
    });
    expect(normaliseListingUrl("http://localhost:4200/en/marketplace/app/x/c1", local)).toMatchObject({
      ok: false,
      message: "The page must be on the Marketplace, at localhost:4100",
    });
  });

  it("links a review to its anchor, or to the reviews section", () => {
    expect(reviewLink("https://www.pipedrive.com/en/marketplace/app/q/c", "review-r 1")).toBe(
      "https://www.pipedrive.com/en/marketplace/app/q/c#review-r%201",
    );
    expect(reviewLink("https://www.pipedrive.com/en/marketplace/app/q/c", null)).toBe(
      "https://www.pipedrive.com/en/marketplace/app/q/c#user-reviews",
    );
  });
});

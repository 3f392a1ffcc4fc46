import { renderToStaticMarkup } from "react-dom/server";
import { MarketplacePage } from "@/components/preview/marketplace-page";
import { CommentForm } from "@/components/share/comment-form";
import type { PublicRating } from "@/lib/sync/types";
import type { SharedPreview } from "@/lib/share/types";

/** The one script of a share page (the video on click, the screenshots' lightbox) and the app's stylesheet. */
export const SHARE_PAGE_SCRIPT = "/share-page.js";
export const SHARE_PAGE_STYLES = "/share.css";

/**
 * A share page as plain HTML, rendered with the same component the editor's preview uses: no
 * framework script, no inline script, one small script file of the site's own.
 */
export function renderSharePage(preview: SharedPreview, rating: PublicRating | null, assetsVersion: string): string {
  const name = preview.listing.appName.trim() || "Untitled app";
  const html = renderToStaticMarkup(
    <html lang="en">
      {/* A whole document rendered outside Next.js: next/head has no place here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${name} (preview) · Listing Studio`}</title>
        <link rel="stylesheet" href={`${SHARE_PAGE_STYLES}?v=${assetsVersion}`} />
        <script src={`${SHARE_PAGE_SCRIPT}?v=${assetsVersion}`} defer />
      </head>
      <body className="min-h-screen bg-slate-100 antialiased">
        <div
          role="note"
          className="sticky top-0 z-10 border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950"
        >
          {!preview.marketplace
            ? "Preview of a private app. It has no Marketplace page: people install it by its link."
            : preview.published
              ? "Preview of changes to a published app. This is how its listing will look on the Pipedrive Marketplace with them."
              : "Preview — not published. This is how the listing will look on the Pipedrive Marketplace."}
        </div>
        <main className="mx-auto max-w-5xl px-0 py-6 sm:px-4">
          <div className="overflow-hidden border-slate-200 bg-white shadow-sm sm:rounded-xl sm:border">
            <MarketplacePage
              listing={preview.listing}
              builtBy={preview.builtBy}
              assetPath="?asset={id}"
              rating={rating}
              marketplace={preview.marketplace}
            />
          </div>
          <CommentForm />
        </main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${html}`;
}

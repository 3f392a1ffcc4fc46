import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MarketplacePage } from "@/components/preview/marketplace-page";
import { CommentForm } from "@/components/share/comment-form";
import { renderKey, RENDER_KEY_HEADER } from "@/lib/share/page-cache";
import { publicRating } from "@/lib/reviews/ratings";
import { loadSharedPreview } from "@/lib/share/service";

/**
 * The page of a share link. Visitors never reach it directly: `/p/<token>` renders it once
 * through an internal request carrying the process's render key, caches the HTML and serves
 * it from memory; anyone else gets a 404.
 */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ hash: string }> };

async function load(hash: string) {
  if ((await headers()).get(RENDER_KEY_HEADER) !== renderKey()) return null;
  return loadSharedPreview(hash);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const preview = await load((await params).hash);
  return {
    title: preview ? `${preview.listing.appName.trim() || "Untitled app"} (preview)` : "Preview",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function SharedPreviewPage({ params }: Props) {
  const preview = await load((await params).hash);
  if (!preview) notFound();
  return (
    <div className="min-h-screen bg-slate-100">
      <div role="note" className="sticky top-0 z-10 border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950">
        Preview — not published. This is how the listing will look on the Pipedrive Marketplace.
      </div>
      <main className="mx-auto max-w-5xl px-0 py-6 sm:px-4">
        <div className="overflow-hidden border-slate-200 bg-white shadow-sm sm:rounded-xl sm:border">
          <MarketplacePage listing={preview.listing} builtBy={preview.builtBy} assetPath="?asset={id}" rating={await publicRating(preview.appId)} />
        </div>
        <CommentForm />
      </main>
    </div>
  );
}

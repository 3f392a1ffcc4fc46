import { BookOpen, Bug, CreditCard, FileText, Globe, LifeBuoy, Mail, Shield, Star } from "lucide-react";
import { MarkdownView } from "@/components/listing/markdown-view";
import { FEATURE_TYPES } from "@/lib/listing/catalog";
import type { ListingDraft } from "@/lib/listing/schema";
import { youtubeVideoId } from "@/lib/listing/youtube";
import type { PublicRating } from "@/lib/sync/types";
import { initials } from "@/components/ui/cn";
import { isHttpUrl, looksLikeEmail } from "@/lib/text/web-address";
import { plural } from "@/lib/text/words";
import { Gallery } from "./gallery";
import { ClickToLoadVideo } from "./video";

export type PreviewProps = {
  listing: ListingDraft;
  builtBy: string;
  /**
   * Where images come from, with `{id}` for the asset: `/api/assets/{id}` for members,
   * `?asset={id}` (relative to the share link itself) for visitors.
   */
  assetPath: string;
  /** The app's rating and latest reviews from the store (a published app), or none yet. */
  rating?: PublicRating | null;
  /** False for a private app: it has no Marketplace page, so no rating, reviews or install button. */
  marketplace?: boolean;
};

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const assetUrl = (path: string, id: string, thumb = false) =>
  `${path.replace("{id}", encodeURIComponent(id))}${thumb ? `${path.includes("?") ? "&" : "?"}size=thumb` : ""}`;

function Stars({ value }: { value: number }) {
  return (
    <span className="flex" aria-hidden>
      {[1, 2, 3, 4, 5].map((n) => (
        <Star
          key={n}
          className={`size-4 ${n <= Math.round(value) ? "fill-amber-400 text-amber-400" : "text-slate-300"}`}
        />
      ))}
    </span>
  );
}

function Reviews({ rating }: { rating: PublicRating & { average: number } }) {
  return (
    <div className="space-y-4">
      <p className="flex items-center gap-2 text-sm text-slate-600">
        <Stars value={rating.average} />
        {rating.average.toFixed(1)} out of 5 · {plural(rating.count, "review", "reviews")}
      </p>
      <ul className="space-y-4" aria-label="Latest reviews">
        {rating.latest.map((review) => (
          <li key={review.id} className="rounded-lg border border-slate-200 p-4" data-testid="preview-review">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium text-slate-900">{review.author}</p>
              {review.reviewedAt ? (
                <p className="text-xs text-slate-500">{day.format(new Date(review.reviewedAt))}</p>
              ) : null}
            </div>
            <p className="mt-1 flex items-center gap-2 text-xs text-slate-500">
              <Stars value={review.stars} />
              <span className="sr-only">{plural(review.stars, "star", "stars")} out of 5</span>
            </p>
            {review.text ? (
              <p className="mt-2 text-sm break-words whitespace-pre-line text-slate-700">{review.text}</p>
            ) : null}
            {review.reply ? (
              <div className="mt-3 border-l-2 border-slate-200 pl-3 text-sm text-slate-600">
                <p className="text-xs font-medium text-slate-500">Reply from the developer</p>
                <p className="break-words whitespace-pre-line">{review.reply}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Heading({ children, id }: { children: React.ReactNode; id: string }) {
  return (
    <h2 id={id} className="mb-3 text-lg font-semibold text-slate-900">
      {children}
    </h2>
  );
}

/**
 * The listing as Pipedrive's Marketplace landing page shows it. One renderer serves the editor's
 * live preview, the preview page and the public share page.
 */
export function MarketplacePage({ listing, builtBy, assetPath, rating, marketplace = true }: PreviewProps) {
  // A draft holds what was typed: only a real YouTube link, web links and an email address are shown.
  const videoId = listing.videoUrl ? youtubeVideoId(listing.videoUrl) : null;
  const name = listing.appName.trim() || "Untitled app";
  const email = looksLikeEmail(listing.supportEmail.trim()) ? listing.supportEmail.trim() : "";
  const links = [
    { icon: Globe, label: "Website", href: listing.websiteUrl },
    { icon: CreditCard, label: "Pricing", href: listing.pricingUrl },
    { icon: LifeBuoy, label: "Support", href: listing.supportUrl },
    { icon: Mail, label: email, href: email ? `mailto:${email}` : "" },
    { icon: BookOpen, label: "Documentation", href: listing.documentationUrl },
    { icon: Bug, label: "Report an issue", href: listing.issueTrackerUrl },
    { icon: FileText, label: "Terms of Service", href: listing.termsUrl },
    { icon: Shield, label: "Privacy Policy", href: listing.privacyUrl },
  ]
    .map((l) => ({ ...l, href: l.href.trim() }))
    .filter((l) => (l.icon === Mail ? l.href !== "" : isHttpUrl(l.href)));
  const rated = rating && rating.count > 0 && rating.average !== null ? { ...rating, average: rating.average } : null;

  return (
    <article className="@container bg-white text-slate-800" data-testid="marketplace-page">
      <header className="border-b border-slate-200 px-6 py-8" data-section="header">
        <div className="flex flex-col gap-6 @2xl:flex-row @2xl:items-start">
          {listing.iconAssetId ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by our own routes
            <img
              src={assetUrl(assetPath, listing.iconAssetId)}
              alt={`${name} icon`}
              width={96}
              height={96}
              className="size-24 shrink-0 rounded-2xl object-cover ring-1 ring-slate-200"
            />
          ) : (
            <div
              aria-hidden
              className="flex size-24 shrink-0 items-center justify-center rounded-2xl bg-slate-800 text-3xl font-bold text-white"
            >
              {initials(name)}
            </div>
          )}
          <div className="min-w-0 flex-1">
            <h1 className="text-3xl font-bold tracking-tight break-words text-slate-900">{name}</h1>
            <p className="mt-1 text-sm text-slate-500">Built by {builtBy}</p>
            {listing.summary ? <p className="mt-3 max-w-2xl text-base text-slate-700">{listing.summary}</p> : null}
            {marketplace ? (
              <div className="mt-3 flex items-center gap-2 text-sm text-slate-600" data-section="rating">
                {rated ? (
                  <>
                    <Stars value={rated.average} />
                    <span data-testid="rating-summary">
                      {rated.average.toFixed(1)} · {plural(rated.count, "review", "reviews")}
                    </span>
                  </>
                ) : (
                  <>
                    <Stars value={0} />
                    <span>No reviews yet</span>
                  </>
                )}
              </div>
            ) : null}
          </div>
          {marketplace ? (
            <span
              className="inline-flex h-11 shrink-0 items-center justify-center rounded-md bg-[#017737] px-6 font-semibold text-white"
              aria-disabled="true"
            >
              Install now
            </span>
          ) : null}
        </div>
      </header>

      <div className="grid grid-cols-1 gap-10 px-6 py-8 @4xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-10">
          {listing.images.length > 0 || videoId ? (
            <section aria-labelledby="pv-media" data-section="media" className="space-y-4">
              <h2 id="pv-media" className="sr-only">
                Screenshots and video
              </h2>
              {videoId ? <ClickToLoadVideo videoId={videoId} title={`${name} video`} /> : null}
              <Gallery
                images={listing.images.map((image) => ({
                  src: assetUrl(assetPath, image.assetId),
                  thumb: assetUrl(assetPath, image.assetId, true),
                  alt: image.alt,
                }))}
              />
            </section>
          ) : null}
          {listing.description ? (
            <section aria-labelledby="pv-description" data-section="description">
              <Heading id="pv-description">About {name}</Heading>
              <MarkdownView source={listing.description} className="leading-7" />
            </section>
          ) : null}
          {listing.features.length > 0 ? (
            <section aria-labelledby="pv-features" data-section="features">
              <Heading id="pv-features">Features</Heading>
              <ul className="grid grid-cols-1 gap-3 @2xl:grid-cols-2">
                {listing.features.map((feature) => (
                  <li key={feature.id} className="rounded-lg border border-slate-200 p-4">
                    <p className="font-medium text-slate-900">{feature.name}</p>
                    <p className="text-xs tracking-wide text-slate-500 uppercase">{FEATURE_TYPES[feature.type]}</p>
                    {feature.description ? <p className="mt-2 text-sm text-slate-700">{feature.description}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {listing.setupInstructions ? (
            <section aria-labelledby="pv-setup" data-section="setup">
              <Heading id="pv-setup">How to set up</Heading>
              <MarkdownView source={listing.setupInstructions} className="leading-7" />
            </section>
          ) : null}
          {marketplace ? (
            <section aria-labelledby="pv-reviews" data-section="reviews">
              <Heading id="pv-reviews">Reviews</Heading>
              {rated ? (
                <Reviews rating={rated} />
              ) : (
                <p className="text-sm text-slate-600">Be the first to review this app after installing it.</p>
              )}
            </section>
          ) : null}
        </div>
        <aside className="space-y-8">
          {links.length > 0 ? (
            <section aria-labelledby="pv-links" data-section="links">
              <h2 id="pv-links" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                Support and legal
              </h2>
              <ul className="space-y-2 text-sm">
                {links.map(({ icon: Icon, label, href }) => (
                  <li key={label}>
                    <a
                      href={href}
                      rel="noopener nofollow ugc"
                      target="_blank"
                      className="flex items-center gap-2 text-[#0a5fd8] hover:underline"
                    >
                      <Icon aria-hidden className="size-4 shrink-0" /> {label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {listing.categories.length > 0 ? (
            <section aria-labelledby="pv-categories" data-section="categories">
              <h2 id="pv-categories" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                Categories
              </h2>
              <ul className="flex flex-wrap gap-2">
                {listing.categories.map((category) => (
                  <li key={category} className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">
                    {category}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

import Link from "next/link";
import { BarChart3, Eye, FileClock, MessageSquareText, ShieldCheck, Users } from "lucide-react";
import { ProductSketch } from "@/components/marketing/product-sketch";
import { SignInButton } from "@/components/marketing/sign-in-button";
import { buttonVariants } from "@/components/ui/button";

const FEATURES = [
  {
    icon: FileClock,
    title: "Drafts with history",
    text: "Every Marketplace field, checked against Pipedrive's limits as you type. Autosave, versions and diffs, so nothing is ever lost.",
  },
  {
    icon: Eye,
    title: "Previews you can share",
    text: "See the landing page exactly as customers will, on desktop and mobile, and send a link to people without an account.",
  },
  {
    icon: ShieldCheck,
    title: "Ready for review",
    text: "A readiness score from Pipedrive's approval checklist: scopes justified, links valid, images and icon that hold up.",
  },
  {
    icon: BarChart3,
    title: "Install analytics",
    text: "Installs, uninstalls, churn and the consent funnel, captured on your app's own OAuth callback.",
  },
  {
    icon: MessageSquareText,
    title: "Ratings and reviews",
    text: "Follow your rating over time, work reviews in an inbox with reply templates, and get alerts when it matters.",
  },
  {
    icon: Users,
    title: "Built for teams",
    text: "Sign in with Pipedrive. Your company is your workspace, with owners, editors and viewers.",
  },
];

const STEPS = [
  {
    title: "Sign in with Pipedrive",
    text: "Your Pipedrive company becomes your workspace. The first person in becomes its owner.",
  },
  {
    title: "Bring your apps",
    text: "Add each Marketplace app and draft its listing with every field Developer Hub asks for.",
  },
  { title: "Ship and follow", text: "Share previews, pass review, then watch installs, churn and reviews every day." },
];

/** Prerendered: the same HTML for everyone, so it costs no more to serve than a file (its policy: lib/http/static-pages.ts). */
export default function LandingPage() {
  return (
    <>
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50/60 to-white">
        <div className="mx-auto grid max-w-6xl grid-cols-1 items-center gap-12 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:py-24">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">
              For Pipedrive Marketplace partners
            </p>
            <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              The console for your Marketplace listings
            </h1>
            <p className="mt-5 max-w-xl text-lg text-slate-600">
              Listing Studio is where partner teams draft, preview and ship their Pipedrive Marketplace apps — then
              follow installs, churn, ratings and reviews that Developer Hub never shows.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-3">
              <SignInButton size="lg" />
              <Link href="#features" className={buttonVariants({ size: "lg", variant: "secondary" })}>
                See what it does
              </Link>
            </div>
            <p className="mt-4 text-sm text-slate-500">Uses your Pipedrive login. We never ask for an API token.</p>
          </div>
          <ProductSketch />
        </div>
      </section>

      <section id="features" className="mx-auto max-w-6xl scroll-mt-20 px-4 py-20 sm:px-6">
        <h2 className="text-3xl font-bold tracking-tight text-slate-900">
          Everything between your draft and your hundredth review
        </h2>
        <p className="mt-3 max-w-2xl text-slate-600">
          Developer Hub has one draft and a preview window. Listing Studio adds the history, collaboration and numbers a
          partner team needs every day.
        </p>
        <div className="mt-10 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {FEATURES.map(({ icon: Icon, title, text }) => (
            <div key={title} className="rounded-xl border border-slate-200 bg-white p-6">
              <Icon aria-hidden className="size-6 text-brand-600" />
              <h3 className="mt-4 font-semibold text-slate-900">{title}</h3>
              <p className="mt-2 text-sm text-slate-600">{text}</p>
            </div>
          ))}
        </div>
      </section>

      <section id="how-it-works" className="scroll-mt-20 border-y border-slate-200 bg-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
          <h2 className="text-3xl font-bold tracking-tight text-slate-900">How it works</h2>
          <ol className="mt-10 grid grid-cols-1 gap-6 md:grid-cols-3">
            {STEPS.map((step, i) => (
              <li key={step.title} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
                <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">
                  {i + 1}
                </span>
                <h3 className="mt-4 font-semibold text-slate-900">{step.title}</h3>
                <p className="mt-2 text-sm text-slate-600">{step.text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <div className="flex flex-col items-start justify-between gap-6 rounded-2xl bg-brand-700 px-8 py-10 text-white md:flex-row md:items-center">
          <div>
            <h2 className="text-2xl font-bold">Ready to open your console?</h2>
            <p className="mt-2 text-brand-100">Sign in with the Pipedrive account you use in Developer Hub.</p>
          </div>
          <SignInButton size="lg" variant="inverse" />
        </div>
      </section>
    </>
  );
}

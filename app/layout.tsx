import type { Metadata, Viewport } from "next";
import { HydrationMarker } from "@/components/ui/hydration-marker";
import { AppToaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Listing Studio", template: "%s · Listing Studio" },
  description:
    "Draft, preview and track your Pipedrive Marketplace listings: version history, shareable previews, install analytics and reviews in one place.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = { themeColor: "#017737" };

/**
 * The landing and sign-in pages are built ahead of time (their policy lists their scripts'
 * hashes); every other page renders per request — its layout or page awaits `connection()` — so
 * its scripts carry the nonce of that request's Content-Security-Policy (proxy.ts).
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        {children}
        <AppToaster />
        <HydrationMarker />
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
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
 * Every page renders per request: its scripts carry the nonce of that request's
 * Content-Security-Policy (proxy.ts), which a page built ahead of time could not.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
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

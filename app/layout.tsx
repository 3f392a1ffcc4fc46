import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import { HydrationMarker } from "@/components/ui/hydration-marker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Listing Studio", template: "%s · Listing Studio" },
  description:
    "Draft, preview and track your Pipedrive Marketplace listings: version history, shareable previews, install analytics and reviews in one place.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = { themeColor: "#017737" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        {children}
        <Toaster position="bottom-right" />
        <HydrationMarker />
      </body>
    </html>
  );
}

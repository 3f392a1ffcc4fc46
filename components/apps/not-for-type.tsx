import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { appHome, featureMissing, type AppFeature, type AppType } from "@/lib/app-types";

/**
 * A section the app's type does not have, reached by its address (its tab is not shown): what the
 * type lacks, and the way back to what the app does have.
 */
export function NotForType({
  app,
  feature,
  title,
  icon,
}: {
  app: { id: string; type: AppType };
  feature: AppFeature;
  title: string;
  icon: LucideIcon;
}) {
  const home = appHome(app);
  return (
    <EmptyState
      icon={icon}
      title={title}
      action={
        <Link href={home} className={buttonVariants({ variant: "secondary" })}>
          {home.endsWith("/installs") ? "Go to installs" : "Go to the listing"}
        </Link>
      }
    >
      {featureMissing(app.type, feature).message}.
    </EmptyState>
  );
}

import { CircleAlert, Info } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function Notice({
  tone = "info",
  title,
  children,
}: {
  tone?: "info" | "warning";
  title: string;
  children?: React.ReactNode;
}) {
  const Icon = tone === "warning" ? CircleAlert : Info;
  return (
    <div
      role="status"
      className={cn(
        "flex gap-3 rounded-lg border p-4 text-left text-sm",
        tone === "warning" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-sky-200 bg-sky-50 text-sky-900",
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-1">{children}</div> : null}
      </div>
    </div>
  );
}

import { cn } from "@/components/ui/cn";

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900", className)}>
      <svg aria-hidden viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="8" fill="#017737" />
        <path d="M9 8h4v12h10v4H9z" fill="#fff" />
        <circle cx="22" cy="12" r="3.5" fill="#9be7b7" />
      </svg>
      <span>Listing Studio</span>
    </span>
  );
}

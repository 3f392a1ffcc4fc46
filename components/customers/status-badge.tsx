import { cn } from "@/components/ui/cn";
import { CUSTOMER_STATUS_LABELS, type CustomerStatus } from "@/lib/customers/types";

const TONE: Record<CustomerStatus, string> = {
  INSTALLED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  REINSTALLED: "bg-sky-50 text-sky-800 ring-sky-200",
  UNINSTALLED: "bg-slate-100 text-slate-700 ring-slate-300",
};

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  return (
    <span
      className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONE[status])}
      data-testid="customer-status"
    >
      {CUSTOMER_STATUS_LABELS[status]}
    </span>
  );
}

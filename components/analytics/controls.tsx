"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { RANGE_LABELS } from "@/lib/analytics/time";
import { cn } from "@/components/ui/cn";

type State = { app: string; range: string; from: string; to: string; bucket: string; compare?: string };

/** The view's controls; every change goes to the URL, so a view can be shared as a link. */
export function AnalyticsControls({
  apps,
  state,
  today,
}: {
  apps: { id: string; name: string }[];
  state: State;
  today: string;
}) {
  const router = useRouter();
  const [from, setFrom] = useState(state.from);
  const [to, setTo] = useState(state.to);
  const go = (change: Partial<State>) => {
    const next = { ...state, ...change };
    if (next.range !== "custom") Object.assign(next, { from: "", to: "" });
    const search = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== ""));
    router.push(`/analytics?${search}`);
  };
  return (
    <div
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
      role="group"
      aria-label="Analytics view"
    >
      <label className="text-xs font-medium text-slate-700">
        App
        <select
          className={cn(inputClass, "mt-1 h-9 py-0")}
          value={state.app}
          onChange={(e) => go({ app: e.target.value })}
        >
          <option value="">All apps</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <div>
        <span className="text-xs font-medium text-slate-700" id="range-label">
          Period
        </span>
        <div
          className="mt-1 flex rounded-md border border-slate-300 bg-white p-0.5"
          role="group"
          aria-labelledby="range-label"
        >
          {Object.entries(RANGE_LABELS).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={state.range === value}
              onClick={() => go({ range: value })}
              className={cn(
                "rounded px-2.5 py-1 text-sm",
                state.range === value ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to) go({ range: "custom", from, to });
        }}
      >
        <label className="text-xs font-medium text-slate-700">
          From
          <input
            type="date"
            className={cn(inputClass, "mt-1 h-9 py-0")}
            value={from}
            max={to || today}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="text-xs font-medium text-slate-700">
          To
          <input
            type="date"
            className={cn(inputClass, "mt-1 h-9 py-0")}
            value={to}
            min={from}
            max={today}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <Button type="submit" variant="secondary" disabled={!from || !to || from > to}>
          Apply dates
        </Button>
      </form>
      <label className="text-xs font-medium text-slate-700">
        Bucket
        <select
          className={cn(inputClass, "mt-1 h-9 py-0")}
          value={state.bucket}
          onChange={(e) => go({ bucket: e.target.value })}
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
    </div>
  );
}

"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { setTimeZoneAction } from "@/lib/actions/settings";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/text/words";

export function TimeZoneForm({ current, zones, isOwner }: { current: string; zones: string[]; isOwner: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await setTimeZoneAction({ timeZone: value });
        setBusy(false);
        if (!result.ok) return setError(result.error.fields?.timeZone ?? result.error.message);
        setError(undefined);
        toast.success(
          `Days now follow ${value}${result.data.rebuilt ? `; figures of ${plural(result.data.rebuilt, "app", "apps")} recomputed` : ""}`,
        );
        router.refresh();
      }}
    >
      <div className="min-w-64 flex-1">
        <Field
          id="time-zone"
          label="Time zone"
          error={error}
          help="Analytics days, weeks and months start at midnight here."
        >
          <select
            id="time-zone"
            className={inputClass}
            value={value}
            disabled={!isOwner}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby="time-zone-help"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {isOwner ? (
        <Button type="submit" disabled={busy || value === current}>
          Save time zone
        </Button>
      ) : null}
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { saveAlertRuleAction } from "@/lib/actions/reviews";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Button } from "@/components/ui/button";
import { ALL_WEBHOOKS, RULE_EVENT_INFO, RULE_EVENTS, THROTTLES, type RuleEvent } from "@/lib/alerts/rule-events";
import type { AlertRuleInput } from "@/lib/alerts/rule-schema";
import type { AlertRuleView } from "@/lib/alerts/types";
import { plural } from "@/lib/text/words";
import type { AppChoice, Hook } from "./types";

const ruleResolver = lazyZodResolver<AlertRuleInput>(() =>
  import("@/lib/alerts/rule-schema").then((m) => m.alertRuleSchema),
);

export function RuleForm({
  rule,
  apps,
  hooks,
  emailOn,
  onDone,
}: {
  rule: AlertRuleView | null;
  apps: AppChoice[];
  hooks: Hook[];
  emailOn: boolean;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useForm<AlertRuleInput>({
    resolver: ruleResolver,
    mode: "onTouched",
    defaultValues: rule
      ? {
          name: rule.name,
          event: rule.event,
          threshold: rule.threshold === null ? "" : String(rule.threshold),
          stars: rule.stars.map(String),
          words: rule.words.join("\n"),
          appId: rule.app?.id ?? "",
          inApp: rule.inApp,
          email: rule.email,
          webhooks: rule.webhooks === "ALL" ? [ALL_WEBHOOKS] : rule.webhooks.map((h) => h.id),
          throttleMinutes: String(rule.throttleMinutes),
        }
      : {
          name: "",
          event: "NEW_REVIEW",
          threshold: "",
          stars: [],
          words: "",
          appId: "",
          inApp: true,
          email: false,
          webhooks: [],
          throttleMinutes: "0",
        },
  });
  const { errors, isSubmitting } = form.formState;
  const event = (useWatch({ control: form.control, name: "event" }) ?? "NEW_REVIEW") as RuleEvent;
  const info = RULE_EVENT_INFO[event];
  const id = rule?.id ?? "new";
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveAlertRuleAction(rule?.id ?? null, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof AlertRuleInput, { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    toast.success(rule ? "Rule saved" : "Rule added");
    onDone();
    router.refresh();
  });
  const thresholdError = errors.threshold?.message;
  const destinationError = errors.inApp?.message;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="border-brand-200 space-y-4 rounded-xl border bg-white p-4"
      aria-label={rule ? `Edit rule ${rule.name}` : "New alert rule"}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" required error={errors.name?.message}>
          <input
            id={`${id}-name`}
            className={inputClass}
            placeholder="1-star reviews to Slack"
            {...describedBy(`${id}-name`, { error: errors.name?.message })}
            {...form.register("name")}
          />
        </Field>
        <Field id={`${id}-event`} label="When" required error={errors.event?.message} help={info.help}>
          <select
            id={`${id}-event`}
            className={inputClass}
            {...describedBy(`${id}-event`, { error: errors.event?.message, help: true })}
            {...form.register("event", {
              onChange: (e: { target: { value: RuleEvent } }) => {
                const t = RULE_EVENT_INFO[e.target.value]?.threshold;
                form.setValue("threshold", t ? String(t.default) : "");
              },
            })}
          >
            {RULE_EVENTS.map((e) => (
              <option key={e} value={e}>
                {RULE_EVENT_INFO[e].label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {info.threshold ? (
        <Field id={`${id}-threshold`} label={info.threshold.label} required error={thresholdError}>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-threshold`}
              type="number"
              inputMode="decimal"
              min={info.threshold.min}
              max={info.threshold.max}
              step={info.threshold.step}
              className={`${inputClass} w-28`}
              {...describedBy(`${id}-threshold`, { error: thresholdError })}
              {...form.register("threshold")}
            />
            <span className="text-sm text-slate-600">{info.threshold.unit}</span>
          </div>
        </Field>
      ) : null}
      <fieldset className="space-y-3 rounded-lg bg-slate-50 p-3">
        <legend className="sr-only">Conditions</legend>
        <p className="text-sm font-medium text-slate-800">Only if</p>
        {event === "NEW_REVIEW" ? (
          <>
            <fieldset>
              <legend className="text-sm text-slate-700">Stars (none ticked: any)</legend>
              <div className="mt-1 flex flex-wrap gap-3 text-sm">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="flex items-center gap-1.5">
                    <input type="checkbox" value={String(n)} {...form.register("stars")} /> {plural(n, "star", "stars")}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              id={`${id}-words`}
              label="The text mentions"
              error={errors.words?.message}
              help="One word or phrase per line, or separated by commas; any of them, ignoring case. Empty: any text."
            >
              <textarea
                id={`${id}-words`}
                rows={2}
                className={inputClass}
                placeholder={"crash\nrefund"}
                {...describedBy(`${id}-words`, { error: errors.words?.message, help: true })}
                {...form.register("words")}
              />
            </Field>
          </>
        ) : null}
        <Field id={`${id}-app`} label="App" error={errors.appId?.message}>
          <select
            id={`${id}-app`}
            className={inputClass}
            {...describedBy(`${id}-app`, { error: errors.appId?.message })}
            {...form.register("appId")}
          >
            <option value="">Every app</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <fieldset aria-describedby={destinationError ? `${id}-destinations-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Send to</legend>
        <div className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("inApp")} /> In the app (the bell)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("email")} /> By email{emailOn ? "" : " (email is off here)"}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" value={ALL_WEBHOOKS} {...form.register("webhooks")} /> Every webhook listening to it
          </label>
          {hooks.map((h) => (
            <label key={h.id} className="flex min-w-0 items-center gap-2">
              <input type="checkbox" value={h.id} {...form.register("webhooks")} />
              <span className="truncate">
                {h.format === "SLACK" ? "Slack" : "Webhook"}: {h.name}
              </span>
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">
          People still choose which alerts reach them in their notification settings. An event reaches each destination
          once, whichever rules match it.
        </p>
        {destinationError ? (
          <p id={`${id}-destinations-error`} role="alert" className="mt-1 text-sm text-red-600">
            {destinationError}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-throttle`} label="Throttle" error={errors.throttleMinutes?.message}>
        <select
          id={`${id}-throttle`}
          className={`${inputClass} sm:w-72`}
          {...describedBy(`${id}-throttle`, { error: errors.throttleMinutes?.message })}
          {...form.register("throttleMinutes")}
        >
          {THROTTLES.map((t) => (
            <option key={t.minutes} value={String(t.minutes)}>
              {t.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {rule ? "Save rule" : "Add rule"}
        </Button>
      </div>
    </form>
  );
}

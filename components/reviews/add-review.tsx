"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { toast } from "@/components/ui/toast";
import { addReviewAction } from "@/lib/actions/reviews";
import { describedBy, Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { manualReviewSchema } from "@/lib/reviews/schema";
import { plural } from "@/lib/text/words";

const manualReviewResolver = lazyZodResolver<Input, z.output<typeof manualReviewSchema>>(() =>
  import("@/lib/reviews/schema").then((m) => m.manualReviewSchema),
);

type Input = z.input<typeof manualReviewSchema>;

/** A review the sync cannot reach (an email, a call), typed in by hand. */
export function AddReview({ apps }: { apps: { id: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<Input, unknown, z.output<typeof manualReviewSchema>>({
    resolver: manualReviewResolver,
    mode: "onTouched",
    defaultValues: {
      appId: apps[0]?.id ?? "",
      author: "",
      stars: 5,
      reviewedAt: new Date().toISOString().slice(0, 10),
      text: "",
      publicReply: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const result = await addReviewAction(form.getValues());
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {}))
        form.setError(field as keyof Input, { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    toast.success("Review added");
    form.reset({ ...form.getValues(), author: "", text: "", publicReply: "" });
    setOpen(false);
    router.refresh();
  });

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={apps.length === 0}>
        Add a review by hand
      </Button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
      aria-labelledby="add-review-heading"
    >
      <h2 id="add-review-heading" className="font-semibold text-slate-900">
        Add a review
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id="review-app" label="App" required error={errors.appId?.message}>
          <select
            id="review-app"
            className={inputClass}
            {...describedBy("review-app", { error: errors.appId?.message })}
            {...form.register("appId")}
          >
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="review-author" label="Reviewer" required error={errors.author?.message}>
          <input
            id="review-author"
            className={inputClass}
            autoComplete="off"
            {...describedBy("review-author", { error: errors.author?.message })}
            {...form.register("author")}
          />
        </Field>
        <Field id="review-stars" label="Stars" required error={errors.stars?.message}>
          <select
            id="review-stars"
            className={inputClass}
            {...describedBy("review-stars", { error: errors.stars?.message })}
            {...form.register("stars")}
          >
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {plural(n, "star", "stars")}
              </option>
            ))}
          </select>
        </Field>
        <Field id="review-date" label="Date" required error={errors.reviewedAt?.message}>
          <input
            id="review-date"
            type="date"
            className={inputClass}
            {...describedBy("review-date", { error: errors.reviewedAt?.message })}
            {...form.register("reviewedAt")}
          />
        </Field>
      </div>
      <Field id="review-text" label="Review" error={errors.text?.message}>
        <textarea
          id="review-text"
          rows={3}
          className={inputClass}
          {...describedBy("review-text", { error: errors.text?.message })}
          {...form.register("text")}
        />
      </Field>
      <Field
        id="review-public-reply"
        label="Public reply already posted (optional)"
        error={errors.publicReply?.message}
      >
        <textarea
          id="review-public-reply"
          rows={2}
          className={inputClass}
          {...describedBy("review-public-reply", { error: errors.publicReply?.message })}
          {...form.register("publicReply")}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          Add review
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";
import { Mail } from "lucide-react";
import { Button } from "@/components/ui/button";
import { sendTestEmailAction } from "@/lib/actions/notifications";

/** "Send a test email" to oneself, with the mail server's answer or the reason it could not go. */
export function TestEmail({ emailOn }: { emailOn: boolean }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!emailOn)
    return (
      <p className="text-sm text-slate-600" data-testid="test-email">
        Email is off: the operator has not set up SMTP, so alerts reach people in the app only.
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="test-email">
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await sendTestEmailAction();
          setBusy(false);
          setOutcome(
            result.ok
              ? { ok: true, text: `Sent to ${result.data.to}. The mail server answered: ${result.data.answer}` }
              : { ok: false, text: result.error.message },
          );
        }}
      >
        <Mail aria-hidden /> {busy ? "Sending…" : "Send a test email to me"}
      </Button>
      {outcome ? (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={outcome.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}
        >
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}

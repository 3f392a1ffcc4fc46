"use client";

import { useEffect, useState } from "react";
import { createDraftSaver, type SaverState } from "./draft-saver";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";

export type { SaveStatus } from "./draft-saver";

/**
 * The editor's draft saver (draft-saver.ts) with its state in React. Back online, it retries at
 * once; when the tab closes, it sends what waits (the request outlives the page) and asks the
 * browser to warn only when saving is already known to fail.
 */
export function useAutosave(appId: string, initialRevision: number, localKey: string) {
  const [state, setState] = useState<SaverState>({ status: "saved", error: null, skipped: {}, conflict: null });
  const [saver] = useState(() =>
    createDraftSaver({
      appId,
      revision: initialRevision,
      local: {
        write: (values, revision) => writeLocalDraft(localKey, values, revision),
        clear: () => clearLocalDraft(localKey),
      },
      onChange: setState,
    }),
  );

  useEffect(() => {
    const online = () => saver.retryNow();
    const leaving = (event: BeforeUnloadEvent) => {
      const status = saver.state.status;
      saver.sendNow();
      if (status === "retrying" || status === "failed" || status === "conflict") event.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", leaving);
      // Leaving the editor inside the app: what waits is sent now rather than dropped.
      saver.sendNow();
      saver.stop();
    };
  }, [saver]);

  return { ...state, saver };
}

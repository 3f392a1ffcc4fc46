"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftState } from "@/lib/listing/drafts";
import type { ListingDraftInput } from "@/lib/listing/schema";

export type SaveStatus = "saved" | "pending" | "saving" | "failed" | "invalid" | "conflict";

type Conflict = { current: DraftState; mine: ListingDraftInput };

/**
 * Saves the listing a moment after typing stops. Every save carries the revision it edited;
 * a 409 stops autosaving and hands both versions to the conflict view. Unsaved work blocks
 * leaving the page.
 */
export function useAutosave(appId: string, initialRevision: number, delayMs = 800, maxWaitMs = 5000) {
  const [status, setStatusState] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const revision = useRef(initialRevision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest unsaved edit was made: someone typing without pause is still saved every few seconds. */
  const pendingSince = useRef<number | null>(null);
  const latest = useRef<ListingDraftInput | null>(null);
  const inFlight = useRef(false);
  /** The form has errors: nothing is saved until they are fixed, whatever a running save reports. */
  const invalid = useRef(false);
  const statusRef = useRef<SaveStatus>("saved");
  const setStatus = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);

  const save = useCallback(
    async (values: ListingDraftInput, baseRevision = revision.current): Promise<DraftState | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      latest.current = null;
      pendingSince.current = null;
      setStatus("saving");
      try {
        const res = await fetch(`/api/apps/${appId}/listing`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ revision: baseRevision, data: values }),
        });
        const body = await res.json();
        if (res.status === 409) {
          setConflict({ current: body.current as DraftState, mine: values });
          setStatus("conflict");
          return null;
        }
        if (!res.ok) {
          setError(body?.error?.message ?? `Save failed (${res.status})`);
          setStatus(res.status === 422 ? "invalid" : "failed");
          return null;
        }
        revision.current = (body as DraftState).revision;
        setError(null);
        setStatus(invalid.current ? "invalid" : latest.current ? "pending" : "saved");
        return body as DraftState;
      } catch {
        setError("You appear to be offline. Your changes are kept here and will be saved.");
        setStatus("failed");
        latest.current ??= values;
        return null;
      } finally {
        inFlight.current = false;
        if (latest.current && !invalid.current && statusRef.current !== "conflict") {
          const next = latest.current;
          timer.current = setTimeout(() => void save(next), delayMs);
        }
      }
    },
    [appId, delayMs, setStatus],
  );

  const schedule = useCallback(
    (values: ListingDraftInput, valid: boolean) => {
      if (statusRef.current === "conflict") return;
      if (timer.current) clearTimeout(timer.current);
      invalid.current = !valid;
      if (!valid) {
        latest.current = null;
        setStatus("invalid");
        setError("Fix the highlighted fields to save");
        return;
      }
      latest.current = values;
      setStatus("pending");
      pendingSince.current ??= Date.now();
      const waited = Date.now() - pendingSince.current;
      timer.current = setTimeout(() => {
        if (inFlight.current) return; // the running save picks `latest` up when it ends
        void save(values);
      }, Math.max(0, Math.min(delayMs, maxWaitMs - waited)));
    },
    [save, delayMs, maxWaitMs, setStatus],
  );

  /** After the person chose in the conflict view: keep theirs (save mine on top) or take the newer draft. */
  const resolve = useCallback(
    async (choice: "mine" | "theirs") => {
      if (!conflict) return null;
      revision.current = conflict.current.revision;
      setConflict(null);
      if (choice === "theirs") {
        setStatus("saved");
        return conflict.current.data as ListingDraftInput;
      }
      await save(conflict.mine, conflict.current.revision);
      return null;
    },
    [conflict, save, setStatus],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (statusRef.current !== "saved") event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { status, error, conflict, schedule, resolve, saveNow: save };
}

import type { DraftState, SavedDraft } from "@/lib/listing/types";
import type { FieldProblems, ListingDraftInput } from "@/lib/listing/schema";
import { backoffDelay } from "@/lib/backoff";

export type SaveStatus = "saved" | "pending" | "saving" | "retrying" | "failed" | "conflict";

export type SaverState = {
  status: SaveStatus;
  /** Why the last save did not go through. */
  error: string | null;
  /** Fields the server could not store as sent (they kept their stored value). */
  skipped: FieldProblems;
  /** Someone else saved first: their draft and the values that were not saved. */
  conflict: { current: DraftState; mine: ListingDraftInput } | null;
};

/** Where the unsaved changes are kept in the browser meanwhile (see local-draft.ts). */
export type LocalCopy = { write: (values: ListingDraftInput, revision: number) => void; clear: () => void };

type Options = {
  appId: string;
  revision: number;
  local: LocalCopy;
  onChange: (state: SaverState) => void;
  fetch?: typeof fetch;
  delayMs?: number;
  maxWaitMs?: number;
};

/** Waits between retries of a save that did not go through: 1 s, 2 s, 4 s… up to 30 s. */
export const retryDelayMs = (attempt: number) => backoffDelay(attempt, { baseMs: 1_000, maxMs: 30_000 });

/** A body this small can outlive the page: a save started as the tab closes still arrives. */
const KEEPALIVE_LIMIT = 60_000;
const RETRYABLE = new Set([401, 408, 429, 500, 502, 503, 504]);

type Answer = Partial<SavedDraft> & { error?: { message?: string }; current?: DraftState };

/**
 * Saves the listing a moment after typing stops, whatever its state: a draft keeps what was typed,
 * valid or not. One save at a time, each with the revision it edited; a 409 hands both versions to
 * the conflict view. A save that does not go through is retried with backoff, and the unsaved
 * values stay in the browser's local copy until the server has them.
 */
export function createDraftSaver({
  appId,
  revision,
  local,
  onChange,
  fetch: send = fetch,
  delayMs = 800,
  maxWaitMs = 5000,
}: Options) {
  let state: SaverState = { status: "saved", error: null, skipped: {}, conflict: null };
  let base = revision;
  /** The newest values the server does not have yet (null: nothing waits). */
  let latest: ListingDraftInput | null = null;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingSince: number | null = null;
  let attempt = 0;

  const set = (change: Partial<SaverState>) => {
    state = { ...state, ...change };
    onChange(state);
  };
  const later = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };
  const retry = (message: string, afterSeconds?: number) => {
    attempt += 1;
    set({ status: "retrying", error: message });
    later(afterSeconds && afterSeconds > 0 ? afterSeconds * 1000 : retryDelayMs(attempt));
  };

  async function save(values: ListingDraftInput, from: number) {
    set({ status: "saving" });
    const body = JSON.stringify({ revision: from, data: values });
    // Newer edits made meanwhile win; otherwise these values wait for the next attempt.
    const keep = () => void (latest ??= values);
    let res: Response;
    let answer: Answer | null;
    try {
      res = await send(`/api/apps/${appId}/listing`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
      answer = (await res.json().catch(() => null)) as Answer | null;
    } catch {
      keep();
      return retry(
        "Cannot reach Listing Studio: your changes are kept in this browser and saved when the connection is back.",
      );
    }
    if (res.status === 409 && answer?.current) {
      set({ status: "conflict", conflict: { current: answer.current, mine: latest ?? values }, error: null });
      return;
    }
    if (!res.ok || typeof answer?.revision !== "number") {
      keep();
      const reason = answer?.error?.message ?? `The server answered ${res.status}`;
      if (res.status === 401)
        return retry(
          "You were signed out. Sign in again in another tab: your changes are kept in this browser and will be saved.",
        );
      if (RETRYABLE.has(res.status) || res.ok)
        return retry(
          `${reason}. Your changes are kept in this browser and will be saved.`,
          Number(res.headers.get("retry-after")),
        );
      return set({ status: "failed", error: `${reason}. Your changes are kept in this browser.` });
    }
    attempt = 0;
    base = answer.revision;
    const skipped = answer.skipped ?? {};
    if (latest) {
      set({ status: "pending", error: null, skipped });
      later(delayMs);
      return;
    }
    // Fields the server could not store stay in the browser with the rest of the form.
    if (Object.keys(skipped).length === 0) local.clear();
    set({ status: "saved", error: null, skipped });
  }

  /** Sends the newest unsaved values, one save at a time. */
  async function run() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (inFlight || !latest || state.status === "conflict") return;
    const values = latest;
    latest = null;
    pendingSince = null;
    inFlight = save(values, base).finally(() => (inFlight = null));
    await inFlight;
  }

  return {
    get state() {
      return state;
    },
    /** The form changed: keep a local copy at once, save shortly. */
    schedule(values: ListingDraftInput) {
      latest = values;
      local.write(values, base);
      // In conflict nothing is saved until the person chooses (what they choose to keep is the newest);
      // while retrying, the retry timer sends the newest values (typing does not hammer a server that is down).
      if (state.status === "conflict" && state.conflict) return set({ conflict: { ...state.conflict, mine: values } });
      if (state.status === "retrying") return;
      if (!inFlight) set({ status: "pending" });
      pendingSince ??= Date.now();
      later(Math.max(0, Math.min(delayMs, maxWaitMs - (Date.now() - pendingSince))));
    },
    /** Saves everything now: true once the server has every change, false when it could not. */
    async flush(): Promise<boolean> {
      for (let round = 0; round < 5; round++) {
        if (inFlight) await inFlight;
        if (state.status === "conflict") return false;
        if (!latest) break;
        await run();
        if (state.status === "retrying" || state.status === "failed") return false;
      }
      return state.status === "saved";
    },
    /** Sends what waits without waiting for the answer (the page is going away). */
    sendNow() {
      if (latest && state.status !== "conflict") void run();
    },
    /** Work the server does not have: waiting, being sent, failing or in conflict. */
    dirty: () => latest !== null || inFlight !== null || state.status !== "saved",
    /** Retry at once (back online). */
    retryNow() {
      if (state.status === "retrying") void run();
    },
    /** After the conflict view: keep mine (saved on top of theirs) or take theirs. */
    async resolve(choice: "mine" | "theirs"): Promise<ListingDraftInput | null> {
      const conflict = state.conflict;
      if (!conflict) return null;
      base = conflict.current.revision;
      if (choice === "theirs") {
        latest = null;
        local.clear();
        set({ status: "saved", conflict: null, error: null });
        return conflict.current.data as ListingDraftInput;
      }
      set({ status: "pending", conflict: null });
      latest = conflict.mine;
      await run();
      return null;
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}

export type DraftSaver = ReturnType<typeof createDraftSaver>;

"use client";

/**
 * A copy of the listing's unsaved changes in this browser (localStorage), per user and app: it
 * outlives a failed save, a reload, a crash or a closed tab, so the editor can offer it back.
 */
export type LocalDraft = { data: Record<string, unknown>; revision: number; savedAt: string };

export const localDraftKey = (userId: string, appId: string) => `listing-studio:unsaved:${userId}:${appId}`;

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof value !== "object" || value === null || typeof value.data !== "object" || value.data === null)
      return null;
    return { data: value.data, revision: Number(value.revision) || 0, savedAt: String(value.savedAt ?? "") };
  } catch {
    return null;
  }
}

/** False when the browser refuses (storage full or disabled): the editor then says the copy is not kept. */
export function writeLocalDraft(key: string, data: unknown, revision: number): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify({ data, revision, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing kept, nothing to clear
  }
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

type Guard = {
  /** Work the server does not have yet. */
  dirty: () => boolean;
  /** Saves it now: true when the server has everything. */
  flush: () => Promise<boolean>;
  /** Why saving failed, for the dialog. */
  error: string | null;
};

/** The parts of the Navigation API used here (not in every browser, nor in every DOM typing). */
type NavigationLike = EventTarget & { traverseTo: (key: string) => { finished: Promise<unknown> } };
type TraverseEvent = Event & { navigationType: string; destination: { key: string } };

/** The link a click follows inside this tab, or null (new tab, download, same page, modified click…). */
function followedLink(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, location.href);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const here = new URL(location.href);
  if (url.origin === here.origin && url.pathname === here.pathname && url.search === here.search) return null;
  return url;
}

/**
 * Leaving the editor with unsaved changes — a link, a tab of the app, the sidebar, the browser's
 * back button — first saves them; only when that fails does a dialog ask whether to leave. (Closing
 * the tab is handled by the saver: the browser allows no dialog of ours there. Where a browser
 * cannot hold a back navigation, the editor sends its changes as it unmounts, and what does not
 * arrive is offered back from the browser's copy.)
 */
export function LeaveGuard({ dirty, flush, error }: Guard) {
  const router = useRouter();
  const [blocked, setBlocked] = useState<{ go: () => void } | null>(null);
  const dialog = useModalDialog(blocked !== null);
  const busy = useRef(false);
  const guard = useRef({ dirty, flush });
  useEffect(() => {
    guard.current = { dirty, flush };
  }, [dirty, flush]);

  useEffect(() => {
    const attempt = async (go: () => void) => {
      if (busy.current) return;
      busy.current = true;
      const saved = await guard.current.flush();
      busy.current = false;
      if (saved) go();
      else setBlocked({ go });
    };

    const onClick = (event: MouseEvent) => {
      if (!guard.current.dirty()) return;
      const url = followedLink(event);
      if (!url) return;
      event.preventDefault();
      event.stopPropagation();
      const go = () =>
        url.origin === location.origin
          ? router.push(`${url.pathname}${url.search}${url.hash}`)
          : location.assign(url.href);
      void attempt(go);
    };

    // The back and forward buttons, through the Navigation API where the browser has it: a traversal
    // within the app can be held while the changes are saved, then resumed.
    const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
    let resuming = false;
    const onNavigate = (event: Event) => {
      const nav = event as TraverseEvent;
      if (nav.navigationType !== "traverse" || !nav.cancelable || resuming || !guard.current.dirty()) return;
      event.preventDefault();
      const key = nav.destination.key;
      const resume = () => {
        resuming = true;
        navigation
          ?.traverseTo(key)
          .finished.catch(() => {})
          .finally(() => (resuming = false));
      };
      void attempt(resume);
    };

    window.addEventListener("click", onClick, true);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      window.removeEventListener("click", onClick, true);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [router]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-description"
      onClose={() => setBlocked(null)}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      {blocked ? (
        <>
          <h2 id="leave-title" className="text-lg font-semibold text-slate-900">
            Your latest changes are not saved
          </h2>
          <div id="leave-description" className="mt-2 space-y-2 text-sm text-slate-600">
            {error ? <p>{error}</p> : null}
            <p>If you leave, they stay in this browser and the editor offers them back when you return.</p>
          </div>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={() => setBlocked(null)}>
              Stay and keep editing
            </Button>
            <Button
              className="bg-red-600 hover:bg-red-700"
              onClick={() => {
                const { go } = blocked;
                setBlocked(null);
                go();
              }}
            >
              Leave anyway
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

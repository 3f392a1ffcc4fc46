"use client";

import { createContext, useContext, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * Tabs (WAI-ARIA pattern, automatic activation): arrows, Home and End move between tabs and show
 * their panel; only the selected tab is in the Tab order. A panel's content is made when its tab is
 * first shown and then stays mounted (`hidden` styling by `data-state`), so form fields keep their
 * state when another tab is shown.
 */
type TabsState = { value: string; select: (value: string) => void; base: string };
const TabsContext = createContext<TabsState | null>(null);
const useTabs = () => {
  const state = useContext(TabsContext);
  if (!state) throw new Error("Tabs parts must be inside <Tabs>");
  return state;
};
const idOf = (base: string, part: "tab" | "panel", value: string) => `${base}-${part}-${value}`;

export function Tabs({
  value,
  onValueChange,
  children,
}: {
  value: string;
  onValueChange: (value: string) => void;
  children: ReactNode;
}) {
  const base = useId();
  return <TabsContext.Provider value={{ value, select: onValueChange, base }}>{children}</TabsContext.Provider>;
}

export function TabList({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const { select } = useTabs();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined || at < 0) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    tab.focus();
    select(tab.dataset.value!);
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      className={className}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

export function Tab({ value, className, children }: { value: string; className?: string; children: ReactNode }) {
  const { value: selected, select, base } = useTabs();
  const active = value === selected;
  return (
    <button
      type="button"
      role="tab"
      id={idOf(base, "tab", value)}
      aria-selected={active}
      aria-controls={idOf(base, "panel", value)}
      tabIndex={active ? 0 : -1}
      data-state={active ? "active" : "inactive"}
      data-value={value}
      className={className}
      onClick={() => select(value)}
    >
      {children}
    </button>
  );
}

export function TabPanel({ value, className, children }: { value: string; className?: string; children: ReactNode }) {
  const { value: selected, base } = useTabs();
  const active = value === selected;
  // A panel's content is made when its tab is first shown, then kept (its fields keep their state): a page
  // of many tabs renders and hydrates one panel, not all of them.
  const [shown, setShown] = useState(active);
  if (active && !shown) setShown(true);
  return (
    <div
      role="tabpanel"
      id={idOf(base, "panel", value)}
      aria-labelledby={idOf(base, "tab", value)}
      tabIndex={0}
      data-state={active ? "active" : "inactive"}
      hidden={!active}
      className={className}
    >
      {shown ? children : null}
    </div>
  );
}

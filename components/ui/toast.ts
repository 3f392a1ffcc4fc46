"use client";

/**
 * Toasts (sonner), loaded after the page rather than with it: the Toaster mounts once the page
 * is interactive, and a toast raised before that waits for the same chunk.
 */
type Sonner = typeof import("sonner");
type Args = Parameters<Sonner["toast"]["success"]>;

let sonner: Promise<Sonner> | undefined;
export const loadSonner = () => (sonner ??= import("sonner"));

const later =
  (kind: "success" | "error" | "info" | "warning") =>
  (...args: Args) =>
    void loadSonner().then((m) => m.toast[kind](...args));

export const toast = {
  success: later("success"),
  error: later("error"),
  info: later("info"),
  warning: later("warning"),
};

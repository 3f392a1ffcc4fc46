"use client";

import dynamic from "next/dynamic";
import { loadSonner } from "./toast";

const Toaster = dynamic(() => loadSonner().then((m) => m.Toaster), { ssr: false });

export function AppToaster() {
  return <Toaster position="bottom-right" />;
}

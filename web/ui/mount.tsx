import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";

/**
 * Renders a page into #root. No StrictMode on purpose: its doubled effects would create two Connect flows per load
 * (POST /connect/api/flows is not idempotent) and break @tryfinch/react-connect's mount-once hook in development.
 */
export function mount(node: ReactNode): void {
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  createRoot(root).render(node);
}

import type { ReactNode } from "react";

/**
 * The page's only h1. It can take focus by script (tabIndex -1) so the layout can move focus here
 * after a route change, without adding a stop to the tab order.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

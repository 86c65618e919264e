import type { AtlasCell } from "../api/atlas";

/** The column a value table is sorted by, and in which direction. */
export interface SortOrder {
  by: "name" | "value";
  direction: "ascending" | "descending";
}

/**
 * The cells in the chosen order. Names compare in German collation (Altenburger Land before
 * Ärzte-…); cells without a value (withheld or missing) always come last, in either direction,
 * so the ranking of the shown values reads without gaps.
 */
export function sortCells(cells: AtlasCell[], order: SortOrder, locale = "de"): AtlasCell[] {
  const collator = new Intl.Collator(locale);
  const sign = order.direction === "ascending" ? 1 : -1;
  return [...cells].sort((a, b) => {
    if (order.by === "name") return sign * collator.compare(a.name, b.name);
    const av = a.status === "shown" ? a.value : undefined;
    const bv = b.status === "shown" ? b.value : undefined;
    if (av === undefined && bv === undefined) return collator.compare(a.name, b.name);
    if (av === undefined) return 1;
    if (bv === undefined) return -1;
    return sign * (av - bv) || collator.compare(a.name, b.name);
  });
}

/** The order after a click on a column's button: the same column turns round, another starts ascending. */
export function nextOrder(current: SortOrder, by: SortOrder["by"]): SortOrder {
  if (current.by !== by) return { by, direction: by === "value" ? "descending" : "ascending" };
  return { by, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

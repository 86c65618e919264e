import { matchPath } from "react-router";
import { basePath } from "../lib/basePath";
import { paths } from "../../routes";
import type { WarmRead } from "./client";

type Params = Readonly<Record<string, string | undefined>>;

/**
 * What each page asks the API for first, by route. main.tsx starts these reads before the app has
 * even rendered (and a page loaded on demand before its code has arrived), so on a slow line they
 * run while the scripts load and execute instead of after: about half a second less on 3G with a
 * slow phone. A read follows from another's answer with `next` (a consultation names its process).
 * The paths are exactly those the pages' API functions ask for, or the read is wasted and the page
 * asks again; the browser test "first load" checks both for every page listed here.
 */
const table: readonly (readonly [pattern: string, reads: (p: Params) => readonly WarmRead[]])[] = [
  [paths.home, () => ["/districts", "/district-boundaries"]],
  [paths.district, ({ key }) => [`/districts/${key}`, `/districts/${key}/social-areas`, `/districts/${key}/processes`]],
  [paths.process, ({ id }) => [`/processes/${id}`]],
  [
    paths.consultation,
    ({ id }) => [
      "/limits",
      { path: `/consultations/${id}`, next: (c) => (isRecord(c) && typeof c.process_id === "number" ? [`/processes/${c.process_id}`] : []) },
    ],
  ],
  [paths.atlas, () => ["/atlas/catalogue", "/atlas/geometry?level=district", "/atlas/map?method=quantile&classes=5&level=district"]],
  [paths.weighing, ({ id }) => [`/processes/${id}`, `/processes/${id}/weighing`, `/processes/${id}/measures?limit=200`]],
  [paths.measure, ({ id }) => [`/measures/${id}`]],
  [paths.workshop, ({ id }) => ["/limits", `/workshops/${id}/session`]],
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The reads of the page at a path of the app (without the base path); none for an unlisted page or one with a query. */
export function pageReads(pathname: string, search = ""): readonly WarmRead[] {
  if (search !== "" && search !== "?") return []; // a query changes what the page reads (the atlas's indicator)
  for (const [pattern, reads] of table) {
    const match = matchPath(pattern, pathname);
    // Route parameters go into API paths as they are: only plain ones (digits, keys, slugs).
    if (match && Object.values(match.params).every((v) => v === undefined || /^[\w-]{1,64}$/.test(v))) return reads(match.params);
  }
  return [];
}

/** The reads of the page the browser is at (a page loaded on demand starts them with its code). */
export function currentPageReads(location: Pick<Location, "pathname" | "search"> = window.location): readonly WarmRead[] {
  const path = location.pathname.startsWith(basePath) ? location.pathname.slice(basePath.length) || "/" : location.pathname;
  return pageReads(path, location.search);
}

/** What this page load reads first: the person logged in (every page) and the page's own reads. */
export function firstReads(location: Pick<Location, "pathname" | "search"> = window.location): readonly WarmRead[] {
  return ["/me", ...currentPageReads(location)];
}

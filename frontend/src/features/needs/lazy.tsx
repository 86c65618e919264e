import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import { withTexts } from "../../shared/i18n/lazyTexts";
import { Loading } from "../../shared/components/Status";
import { warm } from "../../shared/api/client";

// The needs pages load on demand with their texts, so the home page's first load does not grow;
// reads names what a page asks for first at a path, to start it while the page's code loads.
function needsChunk<P extends object>(load: () => Promise<ComponentType<P>>, reads?: (path: string) => string[]) {
  return lazy(() => {
    if (reads) warm(reads(window.location.pathname));
    return Promise.all([load(), import("./i18n")]).then(([Page, t]) => ({ default: withTexts(Page, t.needsTexts) }));
  });
}

/** The id a path ends with after the given route segment (/prozesse/7/abwaegung: 7), if any. */
function idAfter(path: string, pattern: RegExp): string | undefined {
  return pattern.exec(path)?.[1];
}

// The public pages' first reads: the weighing table with its process and measures, one measure.
const tableReads = (path: string) => {
  const id = idAfter(path, /\/prozesse\/(\d{1,18})\/abwaegung\/?$/);
  return id ? [`/processes/${id}`, `/processes/${id}/weighing`, `/processes/${id}/measures?limit=200`] : [];
};
const measureReads = (path: string) => {
  const id = idAfter(path, /\/massnahmen\/(\d{1,18})\/?$/);
  return id ? [`/measures/${id}`] : [];
};

export const ProviderDashboardPage = needsChunk(() => import("./pages/ProviderDashboardPage").then((m) => m.ProviderDashboardPage));
export const CallRoute = needsChunk(() => import("./pages/CallPage").then((m) => m.CallRoute));
export const WorkbenchRoute = needsChunk(() => import("./pages/WorkbenchPage").then((m) => m.WorkbenchRoute));
export const AssessmentRoute = needsChunk(() => import("./pages/AssessmentPage").then((m) => m.AssessmentRoute));
export const WeighingRoute = needsChunk(() => import("./pages/WeighingPage").then((m) => m.WeighingRoute), tableReads);
export const MeasuresRoute = needsChunk(() => import("./pages/MeasuresPage").then((m) => m.MeasuresRoute));
export const MeasureRoute = needsChunk(() => import("./pages/MeasurePage").then((m) => m.MeasureRoute), measureReads);

const Section = needsChunk(() => import("./components/NeedsSection").then((m) => m.NeedsSection));

/** "Bedarfsermittlung" on the process page, loaded after the page itself. */
export function LazyNeedsSection(props: ComponentProps<typeof Section>) {
  return (
    <Suspense fallback={<Loading />}>
      <Section {...props} />
    </Suspense>
  );
}

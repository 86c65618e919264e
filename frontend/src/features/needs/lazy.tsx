import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import { withTexts } from "../../shared/i18n/lazyTexts";
import { Loading } from "../../shared/components/Status";
import { warm, type WarmRead } from "../../shared/api/client";
import { currentPageReads } from "../../shared/api/firstReads";

// The needs pages load on demand with their texts, so the home page's first load does not grow;
// a page starts its first reads (shared/api/firstReads) while its code loads.
function needsChunk<P extends object>(load: () => Promise<ComponentType<P>>, reads?: () => readonly WarmRead[]) {
  return lazy(() => {
    if (reads) warm(reads());
    return Promise.all([load(), import("./i18n")]).then(([Page, t]) => ({ default: withTexts(Page, t.needsTexts) }));
  });
}

export const ProviderDashboardPage = needsChunk(() => import("./pages/ProviderDashboardPage").then((m) => m.ProviderDashboardPage));
export const CallRoute = needsChunk(() => import("./pages/CallPage").then((m) => m.CallRoute));
export const WorkbenchRoute = needsChunk(() => import("./pages/WorkbenchPage").then((m) => m.WorkbenchRoute));
export const AssessmentRoute = needsChunk(() => import("./pages/AssessmentPage").then((m) => m.AssessmentRoute));
export const WeighingRoute = needsChunk(() => import("./pages/WeighingPage").then((m) => m.WeighingRoute), currentPageReads);
export const MeasuresRoute = needsChunk(() => import("./pages/MeasuresPage").then((m) => m.MeasuresRoute));
export const MeasureRoute = needsChunk(() => import("./pages/MeasurePage").then((m) => m.MeasureRoute), currentPageReads);

const Section = needsChunk(() => import("./components/NeedsSection").then((m) => m.NeedsSection));

/** "Bedarfsermittlung" on the process page, loaded after the page itself. */
export function LazyNeedsSection(props: ComponentProps<typeof Section>) {
  return (
    <Suspense fallback={<Loading />}>
      <Section {...props} />
    </Suspense>
  );
}

import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import { withTexts } from "../../shared/i18n/lazyTexts";
import { Loading } from "../../shared/components/Status";
import { warm, type WarmRead } from "../../shared/api/client";
import { currentPageReads } from "../../shared/api/firstReads";

// The workshop pages load on demand with their texts, so the home page's first load does not
// grow; the participant view's chunk holds no heavy library (the QR code is the projector's and
// the console's). a page starts its first reads (shared/api/firstReads) while its code loads.
function workshopChunk<P extends object>(load: () => Promise<ComponentType<P>>, reads?: () => readonly WarmRead[]) {
  return lazy(() => {
    if (reads) warm(reads());
    return Promise.all([load(), import("./i18n")]).then(([Page, t]) => ({ default: withTexts(Page, t.workshopTexts) }));
  });
}


export const NewWorkshopRoute = workshopChunk(() => import("./pages/SetupPage").then((m) => m.NewWorkshopRoute));
export const SetupRoute = workshopChunk(() => import("./pages/SetupPage").then((m) => m.SetupRoute));
export const JoinRoute = workshopChunk(() => import("./pages/JoinPage").then((m) => m.JoinRoute));
export const ParticipantRoute = workshopChunk(() => import("./pages/ParticipantPage").then((m) => m.ParticipantRoute), currentPageReads);
export const ConsoleRoute = workshopChunk(() => import("./pages/ConsolePage").then((m) => m.ConsoleRoute));
export const ProjectorRoute = workshopChunk(() => import("./pages/ProjectorPage").then((m) => m.ProjectorRoute));
export const ModerationLogRoute = workshopChunk(() => import("./pages/ModerationLogPage").then((m) => m.ModerationLogRoute));
export const MinutesRoute = workshopChunk(() => import("./pages/MinutesPage").then((m) => m.MinutesRoute));

const Section = workshopChunk(() => import("./components/WorkshopsSection").then((m) => m.WorkshopsSection));
const Offers = workshopChunk(() => import("./components/WorkshopOffers").then((m) => m.WorkshopOffers));

/** "Werkstätten" on the process page, loaded after the page itself. */
export function LazyWorkshopsSection(props: ComponentProps<typeof Section>) {
  return (
    <Suspense fallback={<Loading />}>
      <Section {...props} />
    </Suspense>
  );
}

/** The workshop results offered to a Träger, on its dashboard. */
export function LazyWorkshopOffers() {
  return (
    <Suspense fallback={<Loading />}>
      <Offers />
    </Suspense>
  );
}

import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Route, Routes } from "react-router";
import { AuthProvider } from "./features/identity/auth/AuthProvider";
import { Layout } from "./shared/components/Layout";
import { RequireAdmin } from "./features/identity/components/admin/RequireAdmin";
import { HomePage } from "./features/districts/pages/HomePage";
import { DistrictRoute } from "./features/districts/pages/DistrictPage";
import { ProcessRoute } from "./features/planning/pages/ProcessPage";
import { LoginFailedPage } from "./features/identity/pages/LoginFailedPage";
import { NotFoundPage } from "./shared/pages/NotFoundPage";
import { Loading } from "./shared/components/Status";
import { paths } from "./routes";
import { withTexts } from "./shared/i18n/lazyTexts";
import { ConsultationRoute } from "./features/consultation/pages/ConsultationPage";
import * as needs from "./features/needs/lazy";
import * as workshop from "./features/workshop/lazy";

// The consultation page is where most people arrive from a link: it comes with the first load, so
// that its chunk is not fetched only after the app has started (on a slow line a second later).
// The pages for coordinators and moderators load on demand.
const NewConsultationRoute = lazy(() => import("./features/consultation/pages/NewConsultationPage").then((m) => ({ default: m.NewConsultationRoute })));
const ModerationRoute = lazy(() => import("./features/consultation/pages/ModerationPage").then((m) => ({ default: m.ModerationRoute })));
const AtlasImportPage = lazy(() => Promise.all([import("./features/atlas/import/pages/AtlasImportPage"), import("./features/atlas/import/i18n")]).then(([m, t]) => ({ default: withTexts(m.AtlasImportPage, t.atlasImportTexts) })));
const ModerationLogRoute = lazy(() => import("./features/consultation/pages/ModerationLogPage").then((m) => ({ default: m.ModerationLogRoute })));
// The pages of people at work (set-up, organisations, their profile, administration) load on
// demand too: they are most of the app's code, and a resident's first load needs none of it.
const NewProcessRoute = lazy(() => import("./features/planning/pages/NewProcessPage").then((m) => ({ default: m.NewProcessRoute })));
const SocialAreasRoute = lazy(() => import("./features/planning/pages/SocialAreasPage").then((m) => ({ default: m.SocialAreasRoute })));
const ProfilePage = lazy(() => import("./features/identity/pages/ProfilePage").then((m) => ({ default: m.ProfilePage })));
const OrganisationsPage = lazy(() => import("./features/identity/pages/OrganisationsPage").then((m) => ({ default: m.OrganisationsPage })));
const OrganisationRoute = lazy(() => import("./features/identity/pages/OrganisationPage").then((m) => ({ default: m.OrganisationRoute })));
const AdminHomePage = lazy(() => import("./features/identity/pages/admin/AdminHomePage").then((m) => ({ default: m.AdminHomePage })));
const NewOrganisationPage = lazy(() => import("./features/identity/pages/admin/NewOrganisationPage").then((m) => ({ default: m.NewOrganisationPage })));
const UsersPage = lazy(() => import("./features/identity/pages/admin/UsersPage").then((m) => ({ default: m.UsersPage })));
const AuditLogPage = lazy(() => import("./features/identity/pages/admin/AuditLogPage").then((m) => ({ default: m.AuditLogPage })));
const LoginProvidersPage = lazy(() => import("./features/identity/pages/admin/LoginProvidersPage").then((m) => ({ default: m.LoginProvidersPage })));
// The atlas's pages load on demand, so its maps, charts and texts stay out of the home page's first load.
function atlasPage(load: () => Promise<ComponentType>) {
  return lazy(() => Promise.all([load(), import("./features/atlas/i18n")]).then(([Page, t]) => ({ default: withTexts(Page, t.atlasTexts) })));
}
const AtlasHomePage = atlasPage(() => import("./features/atlas/pages/AtlasHomePage").then((m) => m.AtlasHomePage));
const AtlasDistrictPage = atlasPage(() => import("./features/atlas/pages/AtlasDistrictPage").then((m) => m.AtlasDistrictPage));
const AtlasProfilePage = atlasPage(() => import("./features/atlas/pages/AtlasProfilePage").then((m) => m.AtlasProfilePage));
const AtlasComparePage = atlasPage(() => import("./features/atlas/pages/AtlasComparePage").then((m) => m.AtlasComparePage));
const AtlasIndicatorPage = atlasPage(() => import("./features/atlas/pages/AtlasIndicatorPage").then((m) => m.AtlasIndicatorPage));
const NewIndicatorPage = atlasPage(() => import("./features/atlas/pages/NewIndicatorPage").then((m) => m.NewIndicatorPage));
const LandOverviewPage = atlasPage(() => import("./features/atlas/pages/LandOverviewPage").then((m) => m.LandOverviewPage));

function OnDemand({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The routes of the app, all inside the common layout and with the person logged in known. */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        {/* The projector fills the hall's screen: no header, no navigation. */}
        <Route path={paths.workshopProjector} element={<OnDemand><workshop.ProjectorRoute /></OnDemand>} />
        <Route element={<Layout />}>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.district} element={<DistrictRoute />} />
          <Route path={paths.newProcess} element={<OnDemand><NewProcessRoute /></OnDemand>} />
          <Route path={paths.socialAreas} element={<OnDemand><SocialAreasRoute /></OnDemand>} />
          <Route path={paths.process} element={<ProcessRoute />} />
          <Route path={paths.newConsultation} element={<OnDemand><NewConsultationRoute /></OnDemand>} />
          <Route path={paths.consultation} element={<ConsultationRoute />} />
          <Route path={paths.moderation} element={<OnDemand><ModerationRoute /></OnDemand>} />
          <Route path={paths.moderationLog} element={<OnDemand><ModerationLogRoute /></OnDemand>} />
          <Route path={paths.atlasImport} element={<OnDemand><AtlasImportPage /></OnDemand>} />
          <Route path={paths.needsDashboard} element={<OnDemand><needs.ProviderDashboardPage /></OnDemand>} />
          <Route path={paths.needsCall} element={<OnDemand><needs.CallRoute /></OnDemand>} />
          <Route path={paths.needsWorkbench} element={<OnDemand><needs.WorkbenchRoute /></OnDemand>} />
          <Route path={paths.assessment} element={<OnDemand><needs.AssessmentRoute /></OnDemand>} />
          <Route path={paths.weighing} element={<OnDemand><needs.WeighingRoute /></OnDemand>} />
          <Route path={paths.measures} element={<OnDemand><needs.MeasuresRoute /></OnDemand>} />
          <Route path={paths.measure} element={<OnDemand><needs.MeasureRoute /></OnDemand>} />
          <Route path={paths.newWorkshop} element={<OnDemand><workshop.NewWorkshopRoute /></OnDemand>} />
          <Route path={paths.workshopSetup} element={<OnDemand><workshop.SetupRoute /></OnDemand>} />
          <Route path={paths.workshop} element={<OnDemand><workshop.ParticipantRoute /></OnDemand>} />
          <Route path={paths.workshopConsole} element={<OnDemand><workshop.ConsoleRoute /></OnDemand>} />
          <Route path={paths.workshopMinutes} element={<OnDemand><workshop.MinutesRoute /></OnDemand>} />
          <Route path={paths.workshopLog} element={<OnDemand><workshop.ModerationLogRoute /></OnDemand>} />
          <Route path={paths.workshopJoin} element={<OnDemand><workshop.JoinRoute /></OnDemand>} />
          <Route path={paths.workshopJoinCode} element={<OnDemand><workshop.JoinRoute /></OnDemand>} />
          <Route path={paths.profile} element={<OnDemand><ProfilePage /></OnDemand>} />
          <Route path={paths.organisations} element={<OnDemand><OrganisationsPage /></OnDemand>} />
          <Route path={paths.organisation} element={<OnDemand><OrganisationRoute /></OnDemand>} />
          <Route path={paths.loginFailed} element={<LoginFailedPage />} />
          <Route path={paths.atlas} element={<OnDemand><AtlasHomePage /></OnDemand>} />
          <Route path={paths.atlasDistrict} element={<OnDemand><AtlasDistrictPage /></OnDemand>} />
          <Route path={paths.atlasProfile} element={<OnDemand><AtlasProfilePage /></OnDemand>} />
          <Route path={paths.atlasCompare} element={<OnDemand><AtlasComparePage /></OnDemand>} />
          <Route path={paths.atlasIndicator} element={<OnDemand><AtlasIndicatorPage /></OnDemand>} />
          <Route path={paths.atlasNewIndicator} element={<OnDemand><NewIndicatorPage /></OnDemand>} />
          <Route element={<RequireAdmin />}>
            <Route path={paths.admin} element={<OnDemand><AdminHomePage /></OnDemand>} />
            <Route path={paths.adminNewOrganisation} element={<OnDemand><NewOrganisationPage /></OnDemand>} />
            <Route path={paths.adminUsers} element={<OnDemand><UsersPage /></OnDemand>} />
            <Route path={paths.adminAuditLog} element={<OnDemand><AuditLogPage /></OnDemand>} />
            <Route path={paths.adminLoginProviders} element={<OnDemand><LoginProvidersPage /></OnDemand>} />
            <Route path={paths.adminLandOverview} element={<OnDemand><LandOverviewPage /></OnDemand>} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}

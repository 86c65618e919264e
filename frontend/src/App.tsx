import { lazy, Suspense, type ReactNode } from "react";
import { Route, Routes } from "react-router";
import { AuthProvider } from "./auth/AuthProvider";
import { Layout } from "./components/Layout";
import { RequireAdmin } from "./components/admin/RequireAdmin";
import { HomePage } from "./pages/HomePage";
import { DistrictRoute } from "./pages/DistrictPage";
import { NewProcessRoute } from "./pages/NewProcessPage";
import { ProcessRoute } from "./pages/ProcessPage";
import { SocialAreasRoute } from "./pages/SocialAreasPage";
import { ProfilePage } from "./pages/ProfilePage";
import { OrganisationsPage } from "./pages/OrganisationsPage";
import { OrganisationRoute } from "./pages/OrganisationPage";
import { LoginFailedPage } from "./pages/LoginFailedPage";
import { AdminHomePage } from "./pages/admin/AdminHomePage";
import { NewOrganisationPage } from "./pages/admin/NewOrganisationPage";
import { UsersPage } from "./pages/admin/UsersPage";
import { AuditLogPage } from "./pages/admin/AuditLogPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { Loading } from "./components/Status";
import { paths } from "./routes";

// The consultation pages (thread, live updates, moderation) load on demand: most visits never need them.
const ConsultationRoute = lazy(() => import("./pages/ConsultationPage").then((m) => ({ default: m.ConsultationRoute })));
const NewConsultationRoute = lazy(() => import("./pages/NewConsultationPage").then((m) => ({ default: m.NewConsultationRoute })));
const ModerationRoute = lazy(() => import("./pages/ModerationPage").then((m) => ({ default: m.ModerationRoute })));
const ModerationLogRoute = lazy(() => import("./pages/ModerationLogPage").then((m) => ({ default: m.ModerationLogRoute })));

function OnDemand({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The routes of the app, all inside the common layout and with the person logged in known. */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.district} element={<DistrictRoute />} />
          <Route path={paths.newProcess} element={<NewProcessRoute />} />
          <Route path={paths.socialAreas} element={<SocialAreasRoute />} />
          <Route path={paths.process} element={<ProcessRoute />} />
          <Route path={paths.newConsultation} element={<OnDemand><NewConsultationRoute /></OnDemand>} />
          <Route path={paths.consultation} element={<OnDemand><ConsultationRoute /></OnDemand>} />
          <Route path={paths.moderation} element={<OnDemand><ModerationRoute /></OnDemand>} />
          <Route path={paths.moderationLog} element={<OnDemand><ModerationLogRoute /></OnDemand>} />
          <Route path={paths.profile} element={<ProfilePage />} />
          <Route path={paths.organisations} element={<OrganisationsPage />} />
          <Route path={paths.organisation} element={<OrganisationRoute />} />
          <Route path={paths.loginFailed} element={<LoginFailedPage />} />
          <Route element={<RequireAdmin />}>
            <Route path={paths.admin} element={<AdminHomePage />} />
            <Route path={paths.adminNewOrganisation} element={<NewOrganisationPage />} />
            <Route path={paths.adminUsers} element={<UsersPage />} />
            <Route path={paths.adminAuditLog} element={<AuditLogPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}

import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { HomePage } from "./pages/HomePage";
import { DistrictRoute } from "./pages/DistrictPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { paths } from "./routes";

/** The routes of the app, all inside the common layout. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={paths.home} element={<HomePage />} />
        <Route path={paths.district} element={<DistrictRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

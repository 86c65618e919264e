import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, useState } from "react";
import { Link, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { AuthProvider } from "../../features/identity/auth/AuthProvider";
import { meRoute } from "../../test/people";
import { fakeApi, renderWithProviders } from "../../test/render";
import { Layout } from "./Layout";

/** A page whose h1 appears a moment after the route changed, as a page loaded on demand does. */
function LatePage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 30);
    return () => clearTimeout(timer);
  }, []);
  return ready ? <h1 tabIndex={-1}>Später da</h1> : <p>Wird geladen …</p>;
}

describe("Layout", () => {
  it("moves focus to a page's h1 that appears only after the route changed", async () => {
    fakeApi({ ...meRoute(null) });
    const user = userEvent.setup();
    renderWithProviders(
      <AuthProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<Link to="/late">Weiter</Link>} />
            <Route path="/late" element={<LatePage />} />
          </Route>
        </Routes>
      </AuthProvider>,
    );
    await user.click(screen.getByRole("link", { name: "Weiter" }));
    expect(screen.getByRole("main")).toHaveFocus();
    await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "Später da" })).toHaveFocus());
  });
});

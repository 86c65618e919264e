import { screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { DistrictRoute } from "./DistrictPage";
import type { Me } from "../../identity/api/auth";
import { areas, draft, erfurt, process } from "../../../test/fixtures";
import { fakeApi, json, renderWithProviders } from "../../../test/render";
import { anna, jana, karl, meRoute } from "../../../test/people";
import { AuthStatus } from "../../../test/AuthStatus";

function renderDistrict(key: string, language: "de" | "en" = "de") {
  return renderWithProviders(
    <Routes>
      <Route
        path="/districts/:key"
        element={
          <>
            <DistrictRoute />
            <AuthStatus />
          </>
        }
      />
    </Routes>,
    { route: `/districts/${key}`, language, auth: true },
  );
}

/** The fake API of Erfurt's page: the district, its areas and its processes (drafts only for its coordinators). */
function erfurtApi(me: Me | null = null) {
  const managesErfurt = me === karl || me === anna;
  return fakeApi({
    ...meRoute(me),
    "/api/v1/districts/16051": erfurt,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/districts/16051/processes": { items: managesErfurt ? [process, draft] : [process] },
  });
}

function fact(term: string): string | null | undefined {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("DistrictPage", () => {
  it("shows name, kind, key, population, area, outline and attribution", async () => {
    erfurtApi();
    renderDistrict("16051");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Kreis wird geladen …");
    expect(await screen.findByRole("heading", { level: 1, name: "Erfurt" })).toBeInTheDocument();
    expect(fact("Art")).toBe("Kreisfreie Stadt");
    expect(fact("Kreisschlüssel")).toBe("16051");
    expect(fact("Einwohner (31.12.2022)")).toBe("214.969");
    expect(fact("Fläche")).toBe("269,91 km²");
    expect(fact("Einwohner je km²")).toBe("796,4");
    expect(screen.getByRole("img", { name: "Umriss von Erfurt" })).toBeInTheDocument();
    expect(screen.getByText(/Datenlizenz Deutschland – Namensnennung 2.0/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zurück zur Übersicht" })).toHaveAttribute("href", "/");
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Erfurt – teilhabe"));
  });

  it("uses English labels and number formats", async () => {
    erfurtApi();
    renderDistrict("16051", "en");
    await screen.findByRole("heading", { level: 1, name: "Erfurt" });
    expect(fact("Type")).toBe("Urban district");
    expect(fact("District key")).toBe("16051");
    expect(fact("Population (31 Dec 2022)")).toBe("214,969");
    expect(fact("Area")).toBe("269.91 km²");
  });

  it("explains an unknown key from the problem details", async () => {
    fakeApi({
      ...meRoute(null),
      "/api/v1/districts/99999": () =>
        json(
          { type: "about:blank", title: "Not Found", status: 404, code: "district_not_found" },
          404,
          "application/problem+json",
        ),
    });
    renderDistrict("99999");
    expect(await screen.findByRole("heading", { level: 1, name: "Kreis nicht gefunden" })).toBeInTheDocument();
    expect(screen.getByText(/Zum Kreisschlüssel 99999 gibt es keinen Landkreis/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains a malformed key", async () => {
    fakeApi({
      ...meRoute(null),
      "/api/v1/districts/abc": () =>
        json({ type: "about:blank", title: "Bad Request", status: 400, code: "invalid_key" }, 400, "application/problem+json"),
    });
    renderDistrict("abc");
    expect(await screen.findByRole("heading", { level: 1, name: "Ungültiger Kreisschlüssel" })).toBeInTheDocument();
    expect(screen.getByText(/„abc“ ist kein gültiger Kreisschlüssel/)).toBeInTheDocument();
  });

  it("offers a retry when the server cannot be reached", async () => {
    fakeApi({
      ...meRoute(null),
      "/api/v1/districts/16051": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    renderDistrict("16051");
    expect(await screen.findByRole("alert")).toHaveTextContent("Der Server ist nicht erreichbar.");
    expect(screen.getByRole("heading", { level: 1, name: "Kreis konnte nicht geladen werden" })).toBeInTheDocument();
  });

  it("shows the social areas and the processes below the facts", async () => {
    erfurtApi();
    renderDistrict("16051");
    expect(await screen.findByRole("group", { name: "Karte der Sozialräume von Erfurt" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Sozialräume" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: process.title })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Planungsprozesse" })).toBeInTheDocument();
  });

  describe("permissions", () => {
    it("gives Erfurt's coordinator the edit controls and shows drafts as such", async () => {
      erfurtApi(karl);
      renderDistrict("16051");
      expect(await screen.findByRole("link", { name: "Neuer Prozess" })).toHaveAttribute("href", "/districts/16051/processes/new");
      expect(screen.getByRole("link", { name: "Sozialräume verwalten" })).toHaveAttribute("href", "/districts/16051/social-areas");
      const card = (await screen.findByRole("link", { name: draft.title })).closest("li")!;
      expect(card).toHaveTextContent("Entwurf");
    });

    it("gives admins the edit controls too", async () => {
      erfurtApi(anna);
      renderDistrict("16051");
      expect(await screen.findByRole("link", { name: "Neuer Prozess" })).toBeInTheDocument();
      expect(screen.getByRole("link", { name: "Sozialräume verwalten" })).toBeInTheDocument();
    });

    it("gives another district's coordinator and anonymous visitors no edit controls and no drafts", async () => {
      for (const me of [jana, null]) {
        erfurtApi(me);
        const { unmount } = renderDistrict("16051");
        await screen.findByRole("link", { name: process.title });
        await waitFor(() => expect(screen.getByTestId("auth-status")).toHaveTextContent(me ? "authenticated" : "anonymous"));
        expect(screen.queryByRole("link", { name: "Neuer Prozess" })).toBeNull();
        expect(screen.queryByRole("link", { name: "Sozialräume verwalten" })).toBeNull();
        expect(screen.queryByText(draft.title)).toBeNull();
        unmount();
      }
    });
  });
});

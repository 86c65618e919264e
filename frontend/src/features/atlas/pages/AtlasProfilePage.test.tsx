import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { AtlasProfilePage } from "./AtlasProfilePage";
import { AtlasComparePage } from "./AtlasComparePage";
import { forgetGeometry } from "../api/atlas";
import { geometry, profile } from "../test/fixtures";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import userEvent from "@testing-library/user-event";

afterEach(forgetGeometry);

function renderProfile(route = "/atlas/profil/16051") {
  const fetchMock = fakeApi({ "/api/v1/atlas/profile": profile, "/api/v1/atlas/geometry": geometry });
  renderWithProviders(
    <Routes>
      <Route path="/atlas/profil/:area" element={<AtlasProfilePage />} />
    </Routes>,
    { route, auth: true },
  );
  return fetchMock;
}

describe("AtlasProfilePage", () => {
  it("needs at most three API requests (the issue's rule)", async () => {
    const fetchMock = renderProfile();
    await screen.findByRole("heading", { level: 1, name: "Profil: Erfurt" });
    await screen.findByRole("img", { name: "Umriss von Erfurt" });
    const apiCalls = fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("/api/v1/"));
    expect(apiCalls.length).toBeLessThanOrEqual(3);
    expect(apiCalls.filter((url) => url.includes("/atlas/profile"))).toHaveLength(1);
  });

  it("lists each indicator by Lebenslage with value, trend, rank, the Land, distance and a sparkline", async () => {
    renderProfile();
    const section = await screen.findByRole("region", { name: "Arbeit" });
    const row = within(section).getByRole("rowheader", { name: "Beschäftigtenquote" }).closest("tr")!;
    const cells = within(row).getAllByRole("cell").map((td) => td.textContent);
    expect(cells.slice(0, 5)).toEqual(["64,16 Prozent (2021)", "+7,52", "Rang 3 von 22", "62,50 Prozent", "+1,66"]);
    expect(within(row).getByRole("img", { name: /Beschäftigtenquote in Erfurt: 2015: 56,64 Prozent, 2021: 64,14 Prozent/ })).toBeInTheDocument();
    const withheld = within(section).getByRole("rowheader", { name: "Arbeitslose" }).closest("tr")!;
    expect(withheld).toHaveTextContent("geheim gehalten");
  });

  it("links the reports as PDF and XLSX", async () => {
    renderProfile();
    expect(await screen.findByRole("link", { name: "Profil als PDF" })).toHaveAttribute(
      "href",
      "/api/v1/atlas/profile/report?area=16051&format=pdf",
    );
    expect(screen.getByRole("link", { name: "Profil als Tabelle (XLSX)" })).toHaveAttribute(
      "href",
      "/api/v1/atlas/profile/report?area=16051&format=xlsx",
    );
    expect(screen.getByText("Kreisprofil")).toBeInTheDocument();
  });
});

describe("AtlasComparePage", () => {
  it("asks for the chosen areas' profile in one request and adds and removes areas", async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    fakeApi({
      "/api/v1/atlas/geometry": geometry,
      "/api/v1/atlas/profile": (request: FakeRequest) => {
        asked.push(request.url.searchParams.get("areas") ?? "");
        return json(profile);
      },
    });
    renderWithProviders(
      <Routes>
        <Route path="/atlas/vergleich" element={<AtlasComparePage />} />
      </Routes>,
      { route: "/atlas/vergleich?areas=16051" },
    );
    expect(await screen.findByRole("table", { name: "Arbeit: Vergleich der Gebiete" })).toBeInTheDocument();
    expect(asked).toEqual(["16051"]);
    const select = screen.getByRole("combobox", { name: "Gebiet hinzufügen" });
    await within(select).findByRole("option", { name: "Weimar" });
    await user.selectOptions(select, "16055");
    await user.click(screen.getByRole("button", { name: "Hinzufügen" }));
    await screen.findByRole("button", { name: "Weimar entfernen" });
    expect(asked.at(-1)).toBe("16051,16055");
    await user.click(screen.getByRole("button", { name: "Erfurt entfernen" }));
    expect(asked.at(-1)).toBe("16055");
  });
});

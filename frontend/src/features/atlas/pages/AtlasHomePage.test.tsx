import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { AtlasHomePage } from "./AtlasHomePage";
import { AtlasDistrictPage } from "./AtlasDistrictPage";
import { forgetGeometry } from "../api/atlas";
import { catalogue, geometry, map, series } from "../test/fixtures";
import { fakeApi, json, type FakeRequest } from "../../../test/render";
import { renderWithProviders } from "../../../test/render";

afterEach(forgetGeometry);

function ShowSearch() {
  return <p data-testid="search">{useLocation().search}</p>;
}

function renderHome(route = "/atlas", actions: Parameters<typeof catalogue>[0] = []) {
  const requests: FakeRequest[] = [];
  let release: (() => void) | undefined;
  const fetchMock = fakeApi({
    "/api/v1/atlas/catalogue": catalogue(actions),
    "/api/v1/atlas/geometry": geometry,
    "/api/v1/atlas/series": series,
    "/api/v1/atlas/map": async (request: FakeRequest) => {
      requests.push(request);
      const year = Number(request.url.searchParams.get("year") ?? 2021);
      // The 2015 answer waits until the test releases it, to see the old map kept meanwhile.
      if (year === 2015) await new Promise<void>((resolve) => (release = resolve));
      return json(map(year));
    },
  });
  renderWithProviders(
    <Routes>
      <Route path="/atlas" element={<><AtlasHomePage /><ShowSearch /></>} />
      <Route path="/atlas/kreis/:key" element={<AtlasDistrictPage />} />
    </Routes>,
    { route },
  );
  return { requests, fetchMock, release: () => release?.() };
}

describe("AtlasHomePage", () => {
  it("shows the map of the first Lebenslage with indicators, and no import link without the action", async () => {
    const { requests } = renderHome();
    expect(await screen.findByRole("link", { name: "Erfurt: 64,16 Prozent" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Lebenslage" })).toHaveValue("arbeit");
    expect(screen.getByRole("combobox", { name: "Indikator" })).toHaveValue("beschaeftigtenquote");
    // A first visit asks for the map without an indicator, together with the catalogue: the
    // server's answer names the one it shows, and nothing is asked twice.
    expect(requests[0]!.url.searchParams.get("indicator")).toBeNull();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.searchParams.get("level")).toBe("district");
    expect(screen.queryByRole("link", { name: "Werte importieren" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Indikator anlegen" })).not.toBeInTheDocument();
  });

  it("offers the import and a new indicator only when the catalogue's actions say so", async () => {
    renderHome("/atlas", ["import", "add_indicator"]);
    expect(await screen.findByRole("link", { name: "Werte importieren" })).toHaveAttribute("href", "/atlas/import");
    expect(screen.getByRole("link", { name: "Indikator anlegen" })).toHaveAttribute("href", "/atlas/neuer-indikator");
  });

  it("refetches when the year slider moves, keeps the old map meanwhile, and writes the year into the address", async () => {
    const { requests, release } = renderHome("/atlas?lebenslage=arbeit&indicator=beschaeftigtenquote");
    const slider = await screen.findByRole("slider", { name: "Jahr" });
    await screen.findByRole("link", { name: "Erfurt: 64,16 Prozent" });
    fireEvent.change(slider, { target: { value: "0" } });
    await waitFor(() => expect(requests.at(-1)!.url.searchParams.get("year")).toBe("2015"));
    expect(screen.getByTestId("search")).toHaveTextContent("year=2015");
    // The 2021 map stays while 2015 loads.
    expect(screen.getByRole("link", { name: "Erfurt: 64,16 Prozent" })).toBeInTheDocument();
    expect(screen.getByText("Karte wird aktualisiert …")).toBeInTheDocument();
    release();
    expect(await screen.findByRole("link", { name: "Erfurt: 56,64 Prozent" })).toBeInTheDocument();
  });

  it("fetches the boundaries once however often the map changes", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderHome();
    await screen.findByRole("link", { name: "Erfurt: 64,16 Prozent" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Klassenbildung" }), "jenks");
    await waitFor(() => expect(screen.getByTestId("search")).toHaveTextContent("method=jenks"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Anzahl der Klassen" }), "3");
    await waitFor(() => expect(screen.getByTestId("search")).toHaveTextContent("classes=3"));
    const geometryCalls = fetchMock.mock.calls.filter(([url]) => String(url).includes("/atlas/geometry"));
    expect(geometryCalls).toHaveLength(1);
  });

  it("switches the Lebenslage and starts with its first indicator", async () => {
    const user = userEvent.setup();
    const { requests } = renderHome();
    await screen.findByRole("link", { name: "Erfurt: 64,16 Prozent" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Lebenslage" }), "bildung");
    await waitFor(() => expect(requests.at(-1)!.url.searchParams.get("indicator")).toBe("schulabgaenger_ohne_abschluss"));
    expect(screen.getByTestId("search")).toHaveTextContent("lebenslage=bildung");
  });

  it("draws the chosen area's time series against the Land", async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderHome("/atlas?area=16051");
    const chart = await screen.findByRole("img", { name: /Erfurt und Thüringen/ });
    expect(chart).toBeInTheDocument();
    const seriesUrl = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.includes("/atlas/series"))!;
    expect(new URL(seriesUrl, "http://x").searchParams.get("areas")).toBe("16051,16");
    await user.selectOptions(screen.getByRole("combobox", { name: "Gebiet der Zeitreihe" }), "16055");
    await waitFor(() => expect(screen.getByTestId("search")).toHaveTextContent("area=16055"));
  });
});

describe("AtlasDistrictPage", () => {
  it("says plainly when a district's social areas have no values", async () => {
    fakeApi({
      "/api/v1/atlas/catalogue": catalogue(),
      "/api/v1/atlas/geometry": (request: FakeRequest) =>
        json(request.url.searchParams.get("level") === "area" ? { type: "FeatureCollection", features: [] } : geometry),
      "/api/v1/atlas/map": (request: FakeRequest) =>
        json({ ...map(), level: "area", district: request.url.searchParams.get("district") ?? "", values: [], breaks: [] }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/atlas/kreis/:key" element={<AtlasDistrictPage />} />
      </Routes>,
      { route: "/atlas/kreis/16051" },
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Sozialräume: Erfurt" })).toBeInTheDocument();
    expect(await screen.findByText("Für die Sozialräume dieses Kreises liegen noch keine Werte vor.")).toBeInTheDocument();
    expect(within(document.body).queryByRole("group", { name: /Karte/ })).not.toBeInTheDocument();
  });
});

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { DistrictMap } from "./DistrictMap";
import { boundaries } from "../../../test/fixtures";
import { renderWithProviders } from "../../../test/render";

function ShowPath() {
  return <p data-testid="path">{useLocation().pathname}</p>;
}

function renderMap(language: "de" | "en" = "de") {
  return renderWithProviders(
    <Routes>
      <Route path="/" element={<DistrictMap collection={boundaries} />} />
      <Route path="*" element={<ShowPath />} />
    </Routes>,
    { language },
  );
}

describe("DistrictMap", () => {
  it("draws one link per feature, named with district and kind", () => {
    renderMap();
    const map = screen.getByRole("group", { name: "Karte der Landkreise und kreisfreien Städte Thüringens" });
    const links = within(map).getAllByRole("link");
    expect(links).toHaveLength(boundaries.features.length);
    expect(within(map).getByRole("link", { name: "Erfurt (Kreisfreie Stadt)" })).toHaveAttribute(
      "href",
      "/districts/16051",
    );
    expect(within(map).getByRole("link", { name: "Gotha (Landkreis)" })).toHaveAttribute("href", "/districts/16067");
  });

  it("puts each link and its path into the SVG namespace with a drawable outline", () => {
    const { container } = renderMap();
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("viewBox")).toMatch(/^0 0 600 \d+$/);
    const anchors = svg.querySelectorAll("a");
    expect(anchors).toHaveLength(3);
    for (const anchor of anchors) {
      expect(anchor.namespaceURI).toBe("http://www.w3.org/2000/svg");
      expect(anchor.querySelector("path")!.getAttribute("d")).toMatch(/^M.+Z$/);
    }
  });

  it("names the links in English when English is chosen", () => {
    renderMap("en");
    expect(screen.getByRole("link", { name: "Erfurt (Urban district)" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Gotha (Rural district)" })).toBeInTheDocument();
  });

  it("shows the focused district with its population and highlights it", async () => {
    const user = userEvent.setup();
    const { container } = renderMap();
    expect(screen.getByText(/Fahren Sie mit der Maus/)).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole("link", { name: "Erfurt (Kreisfreie Stadt)" })).toHaveFocus();
    expect(screen.getByText("Erfurt, Kreisfreie Stadt, 214.969 Einwohner")).toBeInTheDocument();
    expect(container.querySelector(".district-map__highlight")).not.toBeNull();
  });

  it("navigates inside the app when a district is clicked", async () => {
    const user = userEvent.setup();
    renderMap();
    await user.click(screen.getByRole("link", { name: "Gotha (Landkreis)" }));
    expect(screen.getByTestId("path")).toHaveTextContent("/districts/16067");
  });

  it("shows the attribution the API delivered", () => {
    renderMap();
    expect(screen.getByText(/© GeoBasis-DE \/ BKG 2021 \(VG5000, Daten verändert\)/)).toBeInTheDocument();
  });
});

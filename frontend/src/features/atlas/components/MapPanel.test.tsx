import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MapPanel } from "./MapPanel";
import { geometry, map } from "../test/fixtures";
import { renderWithProviders } from "../../../test/render";
import { paletteFor } from "../model/palette";

function renderPanel(data = map(), language: "de" | "en" = "de") {
  return renderWithProviders(<MapPanel map={data} geometry={geometry} />, { language });
}

describe("ChoroplethMap", () => {
  it("makes every area a link to its profile, named with its value or why there is none", () => {
    renderPanel();
    const svg = screen.getByRole("group", { name: "Karte: Beschäftigtenquote 2021" });
    const links = within(svg).getAllByRole("link");
    expect(links).toHaveLength(geometry.features.length);
    expect(within(svg).getByRole("link", { name: "Erfurt: 64,16 Prozent" })).toHaveAttribute("href", "/atlas/profil/16051");
    expect(within(svg).getByRole("link", { name: "Gera: geheim gehalten" })).toHaveAttribute("href", "/atlas/profil/16052");
    expect(within(svg).getByRole("link", { name: "Suhl: keine Daten" })).toBeInTheDocument();
  });

  it("fills classes with the palette and withheld and missing areas with their hatches", () => {
    const { container } = renderPanel(map(2021));
    const colours = paletteFor({ name: "sequential", reversed: false }, 3);
    const fill = (name: string) => screen.getByRole("link", { name }).querySelector("path")!.getAttribute("fill");
    expect(fill("Erfurt: 64,16 Prozent")).toBe(colours[2]);
    expect(fill("Weimar: 60,10 Prozent")).toBe(colours[1]);
    const suppressed = fill("Gera: geheim gehalten")!;
    const missing = fill("Suhl: keine Daten")!;
    expect(suppressed).toMatch(/^url\(#atlas-suppressed-/);
    expect(missing).toMatch(/^url\(#atlas-missing-/);
    // The referenced patterns exist in the document.
    expect(container.querySelector(suppressed.slice(4, -1))?.tagName).toBe("pattern");
    expect(container.querySelector(missing.slice(4, -1))?.tagName).toBe("pattern");
  });

  it("applies a reversed scheme from the server", () => {
    renderPanel({ ...map(), scheme: { name: "diverging", reversed: true } });
    const path = screen.getByRole("link", { name: "Erfurt: 64,16 Prozent" }).querySelector("path")!;
    expect(path.getAttribute("fill")).toBe(paletteFor({ name: "diverging", reversed: false }, 3)[0]);
  });

  it("names the areas in English", () => {
    renderPanel(map(), "en");
    expect(screen.getByRole("link", { name: "Erfurt: 64.16 Prozent" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Gera: withheld" })).toBeInTheDocument();
  });
});

describe("MapLegend", () => {
  it("lists the classes with German limits and explains both hatches", () => {
    renderPanel();
    const legend = screen.getByRole("region", { name: "Legende" });
    const items = within(legend).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([
      "58,00 bis unter 60,00",
      "60,00 bis unter 62,00",
      "62,00 bis 66,25",
      "geheim gehalten (Geheimhaltung)",
      "keine Daten",
    ]);
    expect(within(legend).getByText("Einheit: Prozent")).toBeInTheDocument();
  });

  it("shows the Land's value and the sources under the map and the table", () => {
    renderPanel();
    expect(screen.getByText("Thüringen: 62,50 Prozent")).toBeInTheDocument();
    expect(screen.getAllByText(/INKAR 2021/)).toHaveLength(2);
  });
});

describe("ValueTable", () => {
  it("sorts by name first and by value with the header buttons, announcing the order", async () => {
    const user = userEvent.setup();
    renderPanel();
    const table = screen.getByRole("table", { name: "Beschäftigtenquote 2021 nach Gebiet" });
    const names = () => within(table).getAllByRole("rowheader").map((th) => th.textContent);
    const [nameHeader, valueHeader] = within(table).getAllByRole("columnheader");
    expect(names()).toEqual(["Erfurt", "Gera", "Gotha", "Ilm-Kreis", "Suhl", "Weimar"]);
    expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    expect(valueHeader).toHaveAttribute("aria-sort", "none");

    await user.click(within(valueHeader!).getByRole("button", { name: /Wert/ }));
    expect(valueHeader).toHaveAttribute("aria-sort", "descending");
    expect(nameHeader).toHaveAttribute("aria-sort", "none");
    expect(names()).toEqual(["Gotha", "Erfurt", "Weimar", "Ilm-Kreis", "Gera", "Suhl"]);

    await user.click(within(valueHeader!).getByRole("button", { name: /Wert/ }));
    expect(valueHeader).toHaveAttribute("aria-sort", "ascending");
    expect(names()).toEqual(["Ilm-Kreis", "Weimar", "Erfurt", "Gotha", "Gera", "Suhl"]);

    await user.click(within(nameHeader!).getByRole("button", { name: /Gebiet/ }));
    await user.click(within(nameHeader!).getByRole("button", { name: /Gebiet/ }));
    expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    expect(names()[0]).toBe("Weimar");
  });

  it("writes withheld and missing values in words", () => {
    renderPanel();
    const table = screen.getByRole("table");
    const row = (name: string) => within(table).getByRole("rowheader", { name }).closest("tr")!;
    expect(row("Gera")).toHaveTextContent("geheim gehalten");
    expect(row("Suhl")).toHaveTextContent("keine Daten");
    expect(row("Erfurt")).toHaveTextContent("64,16 Prozent");
  });
});

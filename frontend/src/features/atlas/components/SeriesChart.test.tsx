import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SeriesChart } from "./SeriesChart";
import { Sparkline } from "./Sparkline";
import { series, profile } from "../test/fixtures";
import { renderWithProviders } from "../../../test/render";

describe("SeriesChart", () => {
  it("gives the chart a text alternative with the first and last values and the boundary break", () => {
    renderWithProviders(<SeriesChart data={series} />);
    const chart = screen.getByRole("img", { name: /Beschäftigtenquote: Erfurt und Thüringen/ });
    expect(chart).toHaveAccessibleName(
      "Beschäftigtenquote: Erfurt und Thüringen Zeitreihe von 2015 bis 2021. " +
        "Erfurt: 56,64 Prozent (2015) bis 64,14 Prozent (2021). Thüringen: 58,00 Prozent (2015) bis 62,50 Prozent (2021) " +
        "Gebietsstand geändert: 2019.",
    );
    expect(chart.querySelector("title")).not.toBeNull();
    expect(chart.querySelector("desc")).not.toBeNull();
  });

  it("draws one line per area with a point per year, and the break marker", () => {
    const { container } = renderWithProviders(<SeriesChart data={series} />);
    const svg = container.querySelector("svg.atlas-chart__svg")!;
    expect(svg.querySelectorAll("polyline")).toHaveLength(2);
    expect(svg.querySelectorAll("circle")).toHaveLength(14);
    expect(svg.querySelectorAll(".atlas-chart__break")).toHaveLength(1);
  });

  it("has the values in a table under a details element, and the sources", () => {
    const { container } = renderWithProviders(<SeriesChart data={series} />);
    const details = container.querySelector("details")!;
    expect(within(details).getByText("Werte der Zeitreihe als Tabelle")).toBeInTheDocument();
    const rows = within(details).getAllByRole("row");
    expect(rows).toHaveLength(8);
    expect(rows[7]).toHaveTextContent("202164,1462,50");
    expect(rows[5]).toHaveTextContent("Gebietsstand geändert");
    expect(screen.getByText(/INKAR 2021/)).toBeInTheDocument();
  });
});

describe("Sparkline", () => {
  it("is an image with the given text alternative", () => {
    const cell = profile.groups[0]!.indicators[0]!.cells[0]!;
    renderWithProviders(<Sparkline points={cell.series} label="Verlauf von Erfurt" />);
    const img = screen.getByRole("img", { name: "Verlauf von Erfurt" });
    expect(img.querySelector("polyline")!.getAttribute("points")!.split(" ")).toHaveLength(7);
  });
});

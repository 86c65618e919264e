import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DistrictTable } from "./DistrictTable";
import { summaries } from "../../../test/fixtures";
import { renderWithProviders } from "../../../test/render";

describe("DistrictTable", () => {
  it("renders one row per district with link, kind, key and formatted population", () => {
    renderWithProviders(<DistrictTable districts={summaries} />);
    const table = screen.getByRole("table", { name: "Alle Landkreise und kreisfreien Städte Thüringens" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(1 + summaries.length);

    const erfurt = rows[1]!;
    expect(within(erfurt).getByRole("rowheader")).toHaveTextContent("Erfurt");
    expect(within(erfurt).getByRole("link", { name: "Erfurt" })).toHaveAttribute("href", "/districts/16051");
    const cells = within(erfurt).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells).toEqual(["Kreisfreie Stadt", "16051", "214.969"]);
  });

  it("labels columns and formats numbers in English", () => {
    renderWithProviders(<DistrictTable districts={summaries} />, { language: "en" });
    // Soft hyphens (U+00AD) are invisible line-break hints for narrow screens.
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent?.replaceAll("\u00AD", ""));
    expect(headers).toEqual(["Name", "Type", "District key", "Population"]);
    expect(screen.getByText("134,941")).toBeInTheDocument();
    expect(screen.getAllByText("Urban district")).toHaveLength(2);
  });

  it("renders an empty body for no districts", () => {
    renderWithProviders(<DistrictTable districts={[]} />);
    expect(screen.getAllByRole("row")).toHaveLength(1);
  });
});

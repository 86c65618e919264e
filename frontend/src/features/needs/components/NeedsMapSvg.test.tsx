import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { areas } from "../../../test/fixtures";
import { renderWithProviders } from "../../../test/render";
import { NeedsMapSvg, needsShade } from "./NeedsMapSvg";

describe("NeedsMapSvg", () => {
  it("shades each social area by its submissions and names the count of each", () => {
    const first = areas[0];
    if (!first) throw new Error("the fixtures have areas");
    const { container } = renderWithProviders(<NeedsMapSvg map={{ areas: [{ area_id: first.id, count: 2 }] }} areas={areas} />);
    expect(screen.getByRole("img", { name: "Karte: Eingaben je Sozialraum" })).toBeInTheDocument();
    const titles = [...container.querySelectorAll("path title")].map((t) => t.textContent);
    expect(titles).toContain(`${first.name}: 2 Eingaben`);
    expect(container.querySelectorAll(".needs-map__area--2").length).toBeGreaterThan(0);
    expect(screen.getByText("vier und mehr")).toBeInTheDocument();
  });

  it("has four shades: none, one, two to three, four and more", () => {
    expect([0, 1, 2, 3, 4, 9].map(needsShade)).toEqual([0, 1, 2, 2, 3, 3]);
  });
});

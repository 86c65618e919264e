import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { phases } from "../../../../test/fixtures";
import { renderWithProviders } from "../../../../test/render";
import { PhaseTimeline } from "./PhaseTimeline";

describe("PhaseTimeline", () => {
  it("lists the phases in order with German dates and marks the current one in words", () => {
    renderWithProviders(<PhaseTimeline phases={phases} />);
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "Bestandsaufnahme01.03.2026 bis 31.08.2026",
      "Beteiligung aktuelle Phase01.09.2026 bis 31.01.2027",
      "Stadtteilkonferenz01.02.2027 bis 31.03.2027",
    ]);
    expect(screen.getByRole("list").tagName).toBe("OL");
    expect(items[1]).toHaveAttribute("aria-current", "step");
    expect(items[0]).not.toHaveAttribute("aria-current");
    expect(within(items[1]!).getByText("aktuelle Phase")).toBeVisible();
  });

  it("speaks English", () => {
    renderWithProviders(<PhaseTimeline phases={phases} />, { language: "en" });
    expect(screen.getByText("Participation")).toBeInTheDocument();
    expect(screen.getByText("current phase")).toBeInTheDocument();
    expect(screen.getByText("1 Sept 2026 to 31 Jan 2027")).toBeInTheDocument();
  });

  it("says when no phase is planned", () => {
    renderWithProviders(<PhaseTimeline phases={[]} />);
    expect(screen.getByText("Es sind noch keine Phasen geplant.")).toBeInTheDocument();
    expect(screen.queryByText("aktuelle Phase")).toBeNull();
  });
});

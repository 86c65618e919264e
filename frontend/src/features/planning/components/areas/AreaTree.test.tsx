import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildAreaTree } from "../../model/areaTree";
import { areas, erfurt } from "../../../../test/fixtures";
import { fakeApi, renderWithProviders } from "../../../../test/render";
import { meRoute } from "../../../../test/people";
import { AreaTree } from "./AreaTree";
import { SocialAreasSection } from "./SocialAreasSection";

describe("AreaTree", () => {
  it("nests the levels with population and the sample-data label", () => {
    renderWithProviders(<AreaTree nodes={buildAreaTree(areas)} />);
    const top = screen.getAllByRole("list")[0]!;
    const roots = within(top).getAllByRole("listitem").filter((li) => li.parentElement === top);
    expect(roots.map((li) => li.querySelector(".area-tree__name")?.textContent)).toEqual([
      "Planungsraum Ost (Beispiel)",
      "Planungsraum West (Beispiel)",
    ]);
    expect(roots[0]).toHaveTextContent("Planungsraum Ost (Beispiel) – Planungsraum Beispieldaten");
    const west = roots[1]!;
    const sozialraum = within(west).getAllByRole("listitem")[0]!;
    expect(sozialraum).toHaveTextContent(/^Sozialraum Nord-West \(Beispiel\) – Sozialraum, 41\.000 Einwohner Beispieldaten/);
    const quartier = within(sozialraum).getByRole("listitem");
    expect(quartier).toHaveTextContent("Andreasviertel – Quartier, 5.300 Einwohner");
    expect(within(quartier).queryByText("Beispieldaten")).toBeNull();
  });
});

describe("SocialAreasSection", () => {
  it("draws every area as a named toggle button and highlights the chosen one in the list", async () => {
    const user = userEvent.setup();
    fakeApi({ ...meRoute(null), "/api/v1/districts/16051/social-areas": { items: areas } });
    const { container } = renderWithProviders(<SocialAreasSection district={erfurt} />, { auth: true });
    const map = await screen.findByRole("group", { name: "Karte der Sozialräume von Erfurt" });
    const buttons = within(map).getAllByRole("button");
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Planungsraum West (Beispiel) (Planungsraum)",
      "Planungsraum Ost (Beispiel) (Planungsraum)",
      "Sozialraum Nord-West (Beispiel) (Sozialraum)",
      "Andreasviertel (Quartier)",
    ]);
    expect(screen.getByText(/^Beispieldaten: Diese Gliederung ist für die Vorführung erfunden/)).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Ebenen" })).toHaveTextContent("PlanungsraumSozialraumQuartier");

    const quartier = within(map).getByRole("button", { name: "Andreasviertel (Quartier)" });
    act(() => quartier.focus());
    expect(screen.getByText("Andreasviertel, Quartier, 5.300 Einwohner")).toBeInTheDocument();
    expect(container.querySelector(".area-map__highlight")).not.toBeNull();
    await user.keyboard("{Enter}");
    expect(quartier).toHaveAttribute("aria-pressed", "true");
    const item = screen.getByText("Andreasviertel").closest("li")!;
    expect(item).toHaveClass("area-tree__item--selected");
    expect(within(item).getByText("(ausgewählt)")).toBeInTheDocument();
    await user.click(quartier);
    expect(quartier).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByRole("link", { name: "Sozialräume verwalten" })).toBeNull();
  });

  it("says when a district has no social areas yet", async () => {
    fakeApi({ ...meRoute(null), "/api/v1/districts/16051/social-areas": { items: [] } });
    renderWithProviders(<SocialAreasSection district={erfurt} />, { auth: true });
    expect(await screen.findByText("Für Erfurt sind noch keine Sozialräume angelegt.")).toBeInTheDocument();
  });
});

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { areas, erfurt } from "../../../../test/fixtures";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../../test/render";
import { AreaImport } from "./AreaImport";

const square = [[[11.02, 50.97], [11.04, 50.97], [11.04, 50.99], [11.02, 50.99], [11.02, 50.97]]];
const collection = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { name: "Quartier Domplatz", level: "quartier", code: "Q-D", parent_code: "SR-W1" }, geometry: { type: "Polygon", coordinates: square } },
    { type: "Feature", properties: { name: "Planungsraum West", level: "planungsraum", code: "PR-W" }, geometry: { type: "Polygon", coordinates: square } },
  ],
};

function file(content: string, name = "gebiete.geojson"): File {
  return new File([content], name, { type: "application/geo+json" });
}

const importPath = "POST /api/v1/districts/16051/social-areas/import";

describe("AreaImport", () => {
  it("previews the changes in a table and on the map, then applies them", async () => {
    const user = userEvent.setup();
    const calls: { dryRun: string | null; body: unknown }[] = [];
    fakeApi({
      [importPath]: ({ url, body }: FakeRequest) => {
        const dryRun = url.searchParams.get("dry_run");
        calls.push({ dryRun, body });
        return json({
          dry_run: dryRun === "true",
          changes: [
            { index: 1, action: "update", id: 1, code: "PR-W", name: "Planungsraum West", level: "planungsraum" },
            { index: 0, action: "create", code: "Q-D", name: "Quartier Domplatz", level: "quartier", parent_code: "SR-W1" },
          ],
        });
      },
    });
    const onImported = vi.fn(async () => {});
    renderWithProviders(<AreaImport district={erfurt} areas={areas} onImported={onImported} />);

    await user.upload(screen.getByLabelText(/GeoJSON-Datei/), file(JSON.stringify(collection)));
    await user.click(screen.getByRole("button", { name: "Vorschau" }));

    const heading = await screen.findByRole("heading", { name: "Vorschau – noch ist nichts gespeichert" });
    expect(heading).toHaveFocus();
    expect(screen.getByText("Neu: 1, geändert: 1.")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Änderungen durch den Import" })).getAllByRole("row");
    expect(rows.slice(1).map((r) => r.textContent)).toEqual([
      "1Quartier DomplatzneuQuartierQ-DSR-W1",
      "2Planungsraum WestÄnderungPlanungsraumPR-W",
    ]);
    const map = screen.getByRole("img", { name: /die Gebiete aus der Datei, hervorgehoben/ });
    expect(map.querySelectorAll(".area-map__area--new")).toHaveLength(2);
    expect(calls).toEqual([{ dryRun: "true", body: collection }]);
    expect(onImported).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Übernehmen" }));
    expect(await screen.findByText("Übernommen: 1 neu angelegt, 1 geändert.")).toHaveFocus();
    expect(calls[1]).toEqual({ dryRun: null, body: collection });
    expect(onImported).toHaveBeenCalledOnce();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("lists every problem with object and property, and previews nothing", async () => {
    const user = userEvent.setup();
    fakeApi({
      [importPath]: () =>
        json(
          {
            type: "about:blank",
            title: "Unprocessable Entity",
            status: 422,
            code: "import_invalid",
            detail: "The file has problems; nothing was imported.",
            issues: [
              { index: 0, property: "geometry", message: "the area lies outside district 16051" },
              { index: 2, property: "level", message: 'level "foo" is not planungsraum, sozialraum or quartier' },
              { index: -1, property: "type", message: "the file is not a GeoJSON FeatureCollection" },
            ],
          },
          422,
          "application/problem+json",
        ),
    });
    renderWithProviders(<AreaImport district={erfurt} areas={areas} onImported={vi.fn()} />);
    await user.upload(screen.getByLabelText(/GeoJSON-Datei/), file(JSON.stringify(collection)));
    await user.click(screen.getByRole("button", { name: "Vorschau" }));

    const alert = await screen.findByText(/Die Datei hat 3 Probleme/);
    const list = within(alert.closest("[role=alert]") as HTMLElement).getByRole("list");
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Objekt 1, Eigenschaft geometry: the area lies outside district 16051",
      'Objekt 3, Eigenschaft level: level "foo" is not planungsraum, sozialraum or quartier',
      "Datei, Eigenschaft type: the file is not a GeoJSON FeatureCollection",
    ]);
    expect(screen.queryByRole("button", { name: "Übernehmen" })).toBeNull();
  });

  it("refuses a file that is not JSON before asking the server", async () => {
    const user = userEvent.setup();
    const fetchMock = fakeApi({});
    renderWithProviders(<AreaImport district={erfurt} areas={areas} onImported={vi.fn()} />);
    await user.click(screen.getByRole("button", { name: "Vorschau" }));
    expect(screen.getByLabelText(/GeoJSON-Datei/)).toHaveAccessibleDescription("Bitte wählen Sie eine Datei.");

    await user.upload(screen.getByLabelText(/GeoJSON-Datei/), file("name;level\nMitte;quartier", "gebiete.csv"));
    await user.click(screen.getByRole("button", { name: "Vorschau" }));
    const input = screen.getByLabelText(/GeoJSON-Datei/);
    expect(input).toHaveAccessibleDescription(expect.stringMatching(/^Das ist kein gültiges JSON: /));
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

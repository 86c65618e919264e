import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { summaries } from "../../../../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../../test/render";
import type { AtlasImport, AtlasImportMapping, AtlasImportPreview } from "../api/atlasImports";
import { AtlasImportPage } from "./AtlasImportPage";

const mapping: AtlasImportMapping = { format: "long", columns: ["area", "name", "indicator", "year", "ignore"] };

function importOf(over: Partial<AtlasImport> = {}): AtlasImport {
  return {
    id: 7, scope: "16051", file_name: "werte.csv", file_hash: "ab12cd34ef56ab12cd34ef56", status: "previewed",
    delimiter: ";", encoding: "windows-1252", sheet: "", german: true, rows: 2, problem_count: 0, total: 2,
    processed: 0, added: 0, changed: 0, removed: 0, error: "", created_at: "2026-12-01T10:00:00Z", mapping,
    can_apply: true, can_undo: false, ...over,
  };
}

function previewOf(im: AtlasImport, problems: AtlasImportPreview["problems"] = []): AtlasImportPreview {
  return {
    import: im,
    header: ["ags", "name", "indicator", "year", "wert"],
    sample: [["16051", "Erfurt", "arbeitslose", "2020", "1.234,5"], ["16051", "Erfurt", "arbeitslose", "2021", "x"]],
    problems,
    values: problems.length > 0 ? 0 : 2,
  };
}

const scopes = { items: [], import_scopes: ["16051"] };

describe("AtlasImportPage", () => {
  it("previews a file with its problems, applies the fixed mapping, follows the progress and undoes", async () => {
    const user = userEvent.setup();
    const sent: { put?: unknown; scope?: string | null } = {};
    let polls = 0;
    let history: AtlasImport[] = [];
    fakeApi({
      "/api/v1/districts": { items: summaries },
      "/api/v1/atlas/imports": ({ url }: FakeRequest) =>
        json(url.searchParams.get("scope") ? { items: history, import_scopes: ["16051"] } : scopes),
      "POST /api/v1/atlas/imports": () =>
        json(previewOf(importOf({ problem_count: 1, can_apply: false }), [
          { row: 2, column: "wert", code: "missing_column", message: "Keine Spalte enthält Werte" },
        ]), 201),
      "PUT /api/v1/atlas/imports/7/mapping": ({ body }: FakeRequest) => {
        sent.put = body;
        return json(previewOf(importOf({ mapping: body as AtlasImportMapping })));
      },
      "POST /api/v1/atlas/imports/7/apply": () => json(importOf({ status: "running", can_apply: false }), 202),
      "/api/v1/atlas/imports/7": () => {
        polls++;
        if (polls < 2) return json(importOf({ status: "running", processed: 1 }));
        const done = importOf({ status: "done", processed: 2, added: 2, can_undo: true, can_apply: false });
        history = [done];
        return json(done);
      },
      "POST /api/v1/atlas/imports/7/undo": () => {
        history = [importOf({ status: "undone", added: 2, can_apply: false })];
        return json(history[0]);
      },
    });
    renderWithProviders(<AtlasImportPage />, { route: "/atlas/import" });

    const scope = await screen.findByLabelText(/Gebiet/);
    expect(within(scope).getByRole("option", { name: "Erfurt" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Vorschau" }));
    expect(await screen.findByText("Bitte wählen Sie eine Datei.")).toBeInTheDocument();

    await user.upload(screen.getByLabelText(/Datei/), new File(["ags;name\n"], "werte.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Vorschau" }));
    expect(await screen.findByRole("heading", { name: "Vorschau – noch ist nichts importiert" })).toHaveFocus();
    expect(screen.getByText("Die Datei hat ein Problem; so kann nichts importiert werden.")).toBeInTheDocument();
    const problems = screen.getByRole("table", { name: "Probleme der Datei" });
    expect(within(problems).getAllByRole("row")[1]?.textContent).toBe("2wertKeine Spalte enthält Werte");
    expect(screen.getByText("Trennzeichen „;“, Kodierung windows-1252")).toBeInTheDocument();
    expect(screen.getByText("Dezimalkomma erkannt")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Importieren" })).toHaveAttribute("aria-disabled", "true");

    await user.selectOptions(screen.getByLabelText("Bedeutung der Spalte „wert“"), "value");
    await user.click(screen.getByRole("button", { name: "Zuordnung übernehmen" }));
    expect(await screen.findByText("Keine Probleme: 2 Werte können importiert werden.")).toBeInTheDocument();
    expect(sent.put).toEqual({ ...mapping, columns: ["area", "name", "indicator", "year", "value"] });

    await user.click(screen.getByRole("button", { name: "Importieren" }));
    const bar = await screen.findByRole("progressbar", { name: "Fortschritt des Imports" });
    expect(bar).toHaveAttribute("max", "2");
    expect(
      await screen.findByText("Import abgeschlossen: 2 neu, 0 geändert, 0 entfernt.", {}, { timeout: 4000 }),
    ).toBeInTheDocument();

    const undo = await screen.findByRole("button", { name: "Rückgängig machen" });
    await user.click(undo);
    expect(await screen.findByText("Der Import wurde rückgängig gemacht.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Rückgängig machen" })).toBeNull();
  });

  it("finds a running import again after a reload", async () => {
    fakeApi({
      "/api/v1/districts": { items: summaries },
      "/api/v1/atlas/imports": scopes,
      "/api/v1/atlas/imports/9": () => json(importOf({ id: 9, status: "running", total: 1_000_000, processed: 250_000 })),
    });
    renderWithProviders(<AtlasImportPage />, { route: "/atlas/import?import=9" });
    const bar = await screen.findByRole("progressbar", { name: "Fortschritt des Imports" });
    expect(bar).toHaveAttribute("value", "250000");
    expect(screen.getByText("250.000 von 1.000.000 Werten geschrieben")).toBeInTheDocument();
  });

  it("says why an older import cannot be undone", async () => {
    const user = userEvent.setup();
    fakeApi({
      "/api/v1/districts": { items: summaries },
      "/api/v1/atlas/imports": ({ url }: FakeRequest) =>
        json({ items: url.searchParams.get("scope") ? [importOf({ status: "done", can_undo: true })] : [], import_scopes: ["16051"] }),
      "POST /api/v1/atlas/imports/7/undo": () => problem(409, "atlas_undo_not_newest"),
    });
    renderWithProviders(<AtlasImportPage />, { route: "/atlas/import" });
    await user.click(await screen.findByRole("button", { name: "Rückgängig machen" }));
    expect(await screen.findByText(/Ein späterer Import hat dieselben Werte geändert/)).toBeInTheDocument();
  });

  it("asks anonymous visitors to log in and tells others they may not import", async () => {
    fakeApi({ "/api/v1/districts": { items: summaries }, "/api/v1/atlas/imports": () => problem(401, "unauthenticated") });
    const { unmount } = renderWithProviders(<AtlasImportPage />);
    expect(await screen.findByText("Bitte melden Sie sich mit einem Konto der Verwaltung an.")).toBeInTheDocument();
    unmount();
    fakeApi({ "/api/v1/districts": { items: summaries }, "/api/v1/atlas/imports": { items: [], import_scopes: [] } });
    renderWithProviders(<AtlasImportPage />);
    expect(await screen.findByText("Sie dürfen für kein Gebiet Werte importieren.")).toBeInTheDocument();
  });
});

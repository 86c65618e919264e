import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { AtlasIndicatorPage } from "./AtlasIndicatorPage";
import { indicatorDetail } from "../test/fixtures";
import { fakeApi, renderWithProviders } from "../../../test/render";

function renderIndicator(detail = indicatorDetail()) {
  fakeApi({ "/api/v1/atlas/indicators/beschaeftigtenquote": detail });
  renderWithProviders(
    <Routes>
      <Route path="/atlas/indikator/:key" element={<AtlasIndicatorPage />} />
    </Routes>,
    { route: "/atlas/indikator/beschaeftigtenquote" },
  );
}

function fact(term: string) {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("AtlasIndicatorPage", () => {
  it("shows definition, unit, kind, direction, source, licence, dates, levels and disclosure rule", async () => {
    renderIndicator();
    await screen.findByRole("heading", { level: 1, name: "Indikator: Beschäftigtenquote" });
    expect(fact("Einheit")).toBe("Prozent");
    expect(fact("Art")).toBe("Anteil");
    expect(fact("Richtung")).toBe("höher ist besser");
    expect(fact("Stichtag")).toBe("30.06.");
    expect(fact("Gebietsstand")).toBe("2021-12-31");
    expect(fact("Ebenen")).toBe("Land, Kreise");
    expect(fact("Jahre")).toBe("2015–2021");
    expect(fact("Geheimhaltung")).toBe("Fallzahlen unter 3 werden nicht veröffentlicht. Nicht als sensibel eingestuft.");
    expect(screen.getByText("Noch nicht zitiert")).toBeInTheDocument();
  });

  it("lists what cites its values", async () => {
    renderIndicator(
      indicatorDetail([
        { ref: "beschaeftigtenquote/16051/2021", kind: "process", subject_id: "7", title: "Sozialplan Erfurt", cited_value: 64.16, created_at: "2026-11-20T09:00:00Z" },
      ]),
    );
    expect(await screen.findByText(/Sozialplan Erfurt/)).toHaveTextContent("zitierter Wert 64,16");
    expect(screen.queryByText("Noch nicht zitiert")).not.toBeInTheDocument();
  });
});

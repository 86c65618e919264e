import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { DistrictRoute } from "./DistrictPage";
import { erfurt } from "../test/fixtures";
import { fakeApi, json, renderWithProviders } from "../test/render";

function renderDistrict(key: string, language: "de" | "en" = "de") {
  return renderWithProviders(
    <Routes>
      <Route path="/districts/:key" element={<DistrictRoute />} />
    </Routes>,
    { route: `/districts/${key}`, language },
  );
}

function fact(term: string): string | null | undefined {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("DistrictPage", () => {
  it("shows name, kind, key, population, area, outline and attribution", async () => {
    fakeApi({ "/api/v1/districts/16051": erfurt });
    renderDistrict("16051");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Kreis wird geladen …");
    expect(await screen.findByRole("heading", { level: 1, name: "Erfurt" })).toBeInTheDocument();
    expect(fact("Art")).toBe("Kreisfreie Stadt");
    expect(fact("Kreisschlüssel")).toBe("16051");
    expect(fact("Einwohner (31.12.2022)")).toBe("214.969");
    expect(fact("Fläche")).toBe("269,91 km²");
    expect(fact("Einwohner je km²")).toBe("796,4");
    expect(screen.getByRole("img", { name: "Umriss von Erfurt" })).toBeInTheDocument();
    expect(screen.getByText(/Datenlizenz Deutschland – Namensnennung 2.0/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zurück zur Übersicht" })).toHaveAttribute("href", "/");
    expect(document.title).toBe("Erfurt – teilhabe");
  });

  it("uses English labels and number formats", async () => {
    fakeApi({ "/api/v1/districts/16051": erfurt });
    renderDistrict("16051", "en");
    await screen.findByRole("heading", { level: 1, name: "Erfurt" });
    expect(fact("Type")).toBe("Urban district");
    expect(fact("District key")).toBe("16051");
    expect(fact("Population (31 Dec 2022)")).toBe("214,969");
    expect(fact("Area")).toBe("269.91 km²");
  });

  it("explains an unknown key from the problem details", async () => {
    fakeApi({
      "/api/v1/districts/99999": () =>
        json(
          { type: "about:blank", title: "Not Found", status: 404, code: "district_not_found" },
          404,
          "application/problem+json",
        ),
    });
    renderDistrict("99999");
    expect(await screen.findByRole("heading", { level: 1, name: "Kreis nicht gefunden" })).toBeInTheDocument();
    expect(screen.getByText(/Zum Kreisschlüssel 99999 gibt es keinen Landkreis/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains a malformed key", async () => {
    fakeApi({
      "/api/v1/districts/abc": () =>
        json({ type: "about:blank", title: "Bad Request", status: 400, code: "invalid_key" }, 400, "application/problem+json"),
    });
    renderDistrict("abc");
    expect(await screen.findByRole("heading", { level: 1, name: "Ungültiger Kreisschlüssel" })).toBeInTheDocument();
    expect(screen.getByText(/„abc“ ist kein gültiger Kreisschlüssel/)).toBeInTheDocument();
  });

  it("offers a retry when the server cannot be reached", async () => {
    fakeApi({
      "/api/v1/districts/16051": () => {
        throw new TypeError("Failed to fetch");
      },
    });
    renderDistrict("16051");
    expect(await screen.findByRole("alert")).toHaveTextContent("Der Server ist nicht erreichbar.");
    expect(screen.getByRole("heading", { level: 1, name: "Kreis konnte nicht geladen werden" })).toBeInTheDocument();
  });
});

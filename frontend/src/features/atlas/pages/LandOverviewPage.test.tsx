import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LandOverviewPage } from "./LandOverviewPage";
import { arbeitslose, catalogue, overview } from "../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";

describe("LandOverviewPage", () => {
  it("shows the districts on the chosen indicators with their participation", async () => {
    fakeApi({ "/api/v1/atlas/catalogue": catalogue(["overview"]), "/api/v1/atlas/overview": overview });
    renderWithProviders(<LandOverviewPage />);
    const table = await screen.findByRole("table", { name: "Kreise im Vergleich, 2021" });
    expect(table).toHaveTextContent("Erfurt64,16 Prozent7.012211.234");
    expect(await screen.findByRole("checkbox", { name: "Beschäftigtenquote" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Schulabgänger ohne Abschluss" })).not.toBeChecked();
    expect(screen.getByRole("combobox", { name: "Jahr" })).toHaveValue("2021");
  });

  it("asks for the chosen indicators and year, at most six", async () => {
    const user = userEvent.setup();
    const asked: URLSearchParams[] = [];
    const many = catalogue();
    many.indicators = [...many.indicators, ...["a1", "a2", "a3", "a4"].map((key) => ({ ...arbeitslose, key, name_de: key, name_en: key }))];
    fakeApi({
      "/api/v1/atlas/catalogue": many,
      "/api/v1/atlas/overview": (request: FakeRequest) => {
        asked.push(request.url.searchParams);
        return json(overview);
      },
    });
    renderWithProviders(<LandOverviewPage />);
    await screen.findByRole("table");
    for (const name of ["Schulabgänger ohne Abschluss", "a1", "a2", "a3"]) await user.click(screen.getByRole("checkbox", { name }));
    expect(screen.getByRole("checkbox", { name: "a4" })).toBeDisabled();
    await user.selectOptions(screen.getByRole("combobox", { name: "Jahr" }), "2016");
    await user.click(screen.getByRole("button", { name: "Anzeigen" }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[0]!.get("indicators")).toBeNull();
    expect(asked[1]!.get("indicators")).toBe("beschaeftigtenquote,arbeitslose,schulabgaenger_ohne_abschluss,a1,a2,a3");
    expect(asked[1]!.get("year")).toBe("2016");
  });

  it("shows the shared no-access note when the server refuses", async () => {
    fakeApi({ "/api/v1/atlas/catalogue": catalogue(), "/api/v1/atlas/overview": () => problem(403, "forbidden") });
    renderWithProviders(<LandOverviewPage />);
    expect(await screen.findByText("Diese Seite ist der Administration vorbehalten.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});

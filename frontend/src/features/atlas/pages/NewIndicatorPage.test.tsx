import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { NewIndicatorPage } from "./NewIndicatorPage";
import { catalogue } from "../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";

function renderPage(actions: Parameters<typeof catalogue>[0], create?: (request: FakeRequest) => Response) {
  const sent: unknown[] = [];
  fakeApi({
    "/api/v1/atlas/catalogue": { ...catalogue(actions), import_scopes: ["16", "16051"] },
    "POST /api/v1/atlas/indicators": (request: FakeRequest) => {
      sent.push(request.body);
      return create ? create(request) : json(request.body, 201);
    },
  });
  renderWithProviders(
    <Routes>
      <Route path="/atlas/neuer-indikator" element={<NewIndicatorPage />} />
      <Route path="/atlas/indikator/:key" element={<p>Indikatorseite</p>} />
    </Routes>,
    { route: "/atlas/neuer-indikator" },
  );
  return sent;
}

describe("NewIndicatorPage", () => {
  it("sends the new indicator for the chosen catalogue and opens its page", async () => {
    const user = userEvent.setup();
    const sent = renderPage(["add_indicator"]);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Katalog" }), "16051");
    await user.type(screen.getByRole("textbox", { name: /^Schlüssel/ }), "kita_quote");
    await user.type(screen.getByRole("textbox", { name: /^Name \(deutsch\)/ }), "Kita-Quote");
    await user.type(screen.getByRole("textbox", { name: /^Name \(englisch\)/ }), "Day care rate");
    await user.selectOptions(screen.getByRole("combobox", { name: "Lebenslage" }), "bildung");
    await user.type(screen.getByRole("textbox", { name: "Einheit" }), "Prozent");
    await user.click(screen.getByRole("button", { name: "Indikator anlegen" }));
    expect(await screen.findByText("Indikatorseite")).toBeInTheDocument();
    expect(sent).toEqual([
      {
        key: "kita_quote",
        name_de: "Kita-Quote",
        name_en: "Day care rate",
        lebenslage: "bildung",
        kind: "share",
        direction: "neutral",
        unit: "Prozent",
        district_key: "16051",
      },
    ]);
  });

  it("marks empty required fields and shows the server's refusal", async () => {
    const user = userEvent.setup();
    const sent = renderPage(["add_indicator"], () => problem(422, "validation_failed", "key: schon vergeben"));
    await user.click(await screen.findByRole("button", { name: "Indikator anlegen" }));
    expect(screen.getAllByText("Bitte füllen Sie dieses Feld aus.")).toHaveLength(3);
    expect(sent).toHaveLength(0);
    await user.type(screen.getByRole("textbox", { name: /^Schlüssel/ }), "arbeitslose");
    await user.type(screen.getByRole("textbox", { name: /^Name \(deutsch\)/ }), "A");
    await user.type(screen.getByRole("textbox", { name: /^Name \(englisch\)/ }), "B");
    await user.click(screen.getByRole("button", { name: "Indikator anlegen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("schon vergeben");
  });

  it("offers no form without the action", async () => {
    renderPage([]);
    expect(await screen.findByText("Sie dürfen keine Indikatoren anlegen.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Indikator anlegen" })).not.toBeInTheDocument();
  });
});

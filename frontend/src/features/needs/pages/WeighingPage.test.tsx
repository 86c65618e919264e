import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { WeighingTablePage } from "./WeighingPage";
import type { Measure, WeighingItem, WeighingPage } from "../api/needs";
import { areas, process } from "../../../test/fixtures";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";

const measure: Measure = {
  id: 4,
  process_id: 7,
  district_key: "16051",
  title: "Familienzentrum Süd-Ost",
  description: "",
  description_html: "",
  area_ids: [3],
  fields: [],
  responsible: "Jugendamt",
  budget: 0,
  status: "planned",
  milestones: [],
  progress: 0,
  created_at: "2026-12-01T10:00:00Z",
  updated_at: "2026-12-01T10:00:00Z",
  editable: false,
};

function row(rest: Partial<WeighingItem>): WeighingItem {
  return { id: 1, process_id: 7, kind: "comment", summary: "Mehr Bänke im Park", submitter: "", area_ids: [3], pending: false, ...rest };
}

function renderTable(page: WeighingPage, routes: Record<string, object | ((r: FakeRequest) => Response)> = {}) {
  const fetch = fakeApi({
    "/api/v1/processes/7": process,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/processes/7/measures": { items: [measure] },
    "/api/v1/processes/7/weighing": page,
    "/api/v1/districts/16051/text-modules": { items: [{ id: 9, district_key: "16051", title: "Haushalt", body: "Im Haushalt 2027 vorgesehen." }] },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/prozesse/:id/abwaegung" element={<WeighingTablePage processId={7} />} />
    </Routes>,
    { route: "/prozesse/7/abwaegung" },
  );
  return fetch;
}

describe("WeighingTablePage", () => {
  it("shows the published table to everyone, naming no resident", async () => {
    renderTable({
      working: false,
      items: [
        row({ published: { value: "partly", reason: "Zwei Bänke kommen.", measure_ids: [4], at: "2026-12-02T10:00:00Z" } }),
        row({ id: 2, kind: "assessment", summary: "Schulsozialarbeit", submitter: "Diakonie Erfurt", published: { value: "considered", reason: "Wird umgesetzt.", measure_ids: [], at: "2026-12-02T10:00:00Z" } }),
      ],
    });
    const table = await screen.findByRole("table", { name: "Abwägung der Bedarfsanzeigen und Stellungnahmen" });
    const bench = within(table).getByRole("row", { name: /Mehr Bänke/ });
    expect(bench).toHaveTextContent("Einwohner:in");
    expect(bench).toHaveTextContent("teilweise berücksichtigt");
    expect(within(bench).getByRole("link", { name: "Familienzentrum Süd-Ost" })).toHaveAttribute("href", "/massnahmen/4");
    expect(within(table).getByRole("row", { name: /Schulsozialarbeit/ })).toHaveTextContent("Diakonie Erfurt");
    expect(screen.queryByRole("button", { name: "Abwägung speichern" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Veröffentlichen" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Excel (XLSX)" })).toHaveAttribute("href", "/api/v1/processes/7/weighing/export?format=xlsx");
  });

  it("lets coordinators weigh a row with a text module and a measure under embargo", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderTable(
      { working: true, can_weigh: true, items: [row({})] },
      {
        "PUT /api/v1/weighing-items/1/decision": (r) => {
          sent.push(r.body);
          return json(row({ working: { value: "considered", reason: "Im Haushalt 2027 vorgesehen.", measure_ids: [4], at: "2026-12-02T10:00:00Z" }, pending: true }));
        },
      },
    );
    const form = await screen.findByRole("form", { name: "Abwägung zu „Mehr Bänke im Park“" });
    await user.click(within(form).getByRole("button", { name: "Abwägung speichern" }));
    expect(within(form).getByText("Bitte begründen Sie die Abwägung.")).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.selectOptions(within(form).getByRole("combobox", { name: "Textbaustein" }), "Haushalt");
    await user.click(within(form).getByRole("button", { name: "Einfügen" }));
    expect(within(form).getByRole("textbox", { name: /^Begründung/ })).toHaveValue("Im Haushalt 2027 vorgesehen.");
    await user.click(within(form).getByRole("checkbox", { name: "Familienzentrum Süd-Ost" }));
    await user.click(within(form).getByRole("button", { name: "Abwägung speichern" }));
    expect(await screen.findByText("Änderung noch nicht veröffentlicht")).toBeInTheDocument();
    expect(sent).toEqual([{ value: "considered", reason: "Im Haushalt 2027 vorgesehen.", measure_ids: [4] }]);
    expect(screen.getByRole("button", { name: "Veröffentlichen" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "veröffentlichte Fassung ansehen" })).not.toBeChecked();
  });
});

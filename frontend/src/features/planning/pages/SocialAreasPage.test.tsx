import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { areas, erfurt } from "../../../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import { jana, karl, meRoute } from "../../../test/people";
import { SocialAreasRoute } from "./SocialAreasPage";

function renderManagement() {
  return renderWithProviders(
    <Routes>
      <Route path="/districts/:key/social-areas" element={<SocialAreasRoute />} />
    </Routes>,
    { route: "/districts/16051/social-areas", auth: true },
  );
}

const square = { type: "Polygon", coordinates: [[[11.02, 50.97], [11.04, 50.97], [11.04, 50.99], [11.02, 50.99], [11.02, 50.97]]] };

function api(extra: Record<string, unknown> = {}) {
  return fakeApi({
    ...meRoute(karl),
    "/api/v1/districts/16051": erfurt,
    "/api/v1/districts/16051/social-areas": { items: areas },
    ...extra,
  });
}

describe("SocialAreasPage", () => {
  it("lists the areas with their parent and explains a refused deletion", async () => {
    const user = userEvent.setup();
    api({ "DELETE /api/v1/social-areas/3": () => problem(409, "conflict", "conflict: the area has 1 sub-areas") });
    renderManagement();
    expect(await screen.findByRole("heading", { level: 1, name: "Sozialräume verwalten: Erfurt" })).toBeInTheDocument();
    const names = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual([
      "Planungsraum Ost (Beispiel) Beispieldaten",
      "Planungsraum West (Beispiel) Beispieldaten",
      "Sozialraum Nord-West (Beispiel) Beispieldaten",
      "Andreasviertel",
    ]);
    await user.click(screen.getByRole("button", { name: "Sozialraum Nord-West (Beispiel) löschen" }));
    await user.click(screen.getByRole("button", { name: "Ja, löschen" }));
    expect(await screen.findByText(/lässt sich nicht löschen: Es hat Teilgebiete/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: /Sozialraum Nord-West/ })).toBeInTheDocument();
  });

  it("edits an area with a parent select limited to wider levels", async () => {
    const user = userEvent.setup();
    let body: unknown;
    api({
      "PATCH /api/v1/social-areas/4": (request: FakeRequest) => {
        body = request.body;
        return json({ ...areas[3]!, name: "Andreasviertel (neu)", parent_id: 1, level: "sozialraum" });
      },
    });
    renderManagement();
    const edit = await screen.findByRole("button", { name: "Andreasviertel bearbeiten" });
    await user.click(edit);
    const form = screen.getByRole("group", { name: "Andreasviertel bearbeiten" });
    const parent = within(form).getByLabelText(/Übergeordnetes Gebiet/);
    expect(within(parent).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "keines",
      "Planungsraum Ost (Beispiel) (Planungsraum)",
      "Planungsraum West (Beispiel) (Planungsraum)",
      "Sozialraum Nord-West (Beispiel) (Sozialraum)",
    ]);
    await user.selectOptions(within(form).getByLabelText("Ebene"), "Sozialraum");
    expect(within(parent).getAllByRole("option")).toHaveLength(3);
    expect(parent).toHaveValue("");
    await user.selectOptions(parent, "Planungsraum West (Beispiel) (Planungsraum)");
    const name = within(form).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, "Andreasviertel (neu)");
    await user.click(within(form).getByRole("button", { name: "Speichern" }));
    expect(await screen.findByText("Die Änderungen an „Andreasviertel (neu)“ sind gespeichert.")).toBeInTheDocument();
    expect(body).toEqual({
      name: "Andreasviertel (neu)",
      level: "sozialraum",
      code: "Q-1",
      description: "",
      parent_id: 1,
      population: 5300,
    });
    expect(screen.getByRole("button", { name: "Andreasviertel (neu) bearbeiten" })).toHaveFocus();
  });

  it("creates an area from pasted GeoJSON and shows a duplicate code", async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    api({
      "POST /api/v1/districts/16051/social-areas": (request: FakeRequest) => {
        bodies.push(request.body);
        if (bodies.length === 1) return problem(409, "conflict", "conflict: another area of the district has this code");
        return json({ ...areas[3]!, id: 9, name: "Domplatz", code: "Q-2" }, 201);
      },
    });
    renderManagement();
    const form = (await screen.findByRole("heading", { name: "Neues Gebiet anlegen" })).parentElement!;
    await user.type(within(form).getByLabelText(/^Name/), "Domplatz");
    await user.selectOptions(within(form).getByLabelText("Ebene"), "Quartier");
    await user.type(within(form).getByLabelText(/^Code/), "Q-1");
    const text = within(form).getByLabelText(/GeoJSON-Text/);
    await user.click(within(form).getByRole("button", { name: "Gebiet anlegen" }));
    expect(text).toHaveAccessibleDescription("Bitte geben Sie einen Umriss an, als Datei oder als Text.");

    await user.click(text);
    await user.paste("{ kaputt");
    expect(text).toHaveAccessibleDescription(expect.stringMatching(/^Das ist kein gültiges JSON/));
    await user.clear(text);
    await user.paste(JSON.stringify({ type: "Feature", properties: {}, geometry: square }));
    expect(within(form).getByText("Umriss erkannt: Polygon.")).toBeInTheDocument();
    expect(within(form).getByRole("img", { name: "Vorschau des neuen Gebiets auf der Karte von Erfurt" })).toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Gebiet anlegen" }));
    expect(await within(form).findByText("Diesen Code hat schon ein anderes Gebiet des Kreises.")).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^Code/));
    await user.type(within(form).getByLabelText(/^Code/), "Q-2");
    await user.click(within(form).getByRole("button", { name: "Gebiet anlegen" }));
    expect(await screen.findByText("„Domplatz“ wurde angelegt.")).toBeInTheDocument();
    expect(bodies[1]).toEqual({ name: "Domplatz", level: "quartier", code: "Q-2", geometry: square });
    expect(screen.getByRole("heading", { level: 3, name: "Domplatz" })).toBeInTheDocument();
  });

  it("is closed to another district's coordinator", async () => {
    fakeApi({ ...meRoute(jana) });
    renderManagement();
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
    expect(screen.getByText("Diese Seite ist der Planungskoordination des Kreises vorbehalten.")).toBeInTheDocument();
  });
});

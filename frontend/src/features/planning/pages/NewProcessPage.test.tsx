import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { areas, erfurt, process } from "../../../test/fixtures";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { jana, karl, meRoute } from "../../../test/people";
import { NewProcessRoute } from "./NewProcessPage";

function ShowPath() {
  return <p data-testid="path">{useLocation().pathname}</p>;
}

function renderNew() {
  return renderWithProviders(
    <Routes>
      <Route path="/districts/:key/processes/new" element={<NewProcessRoute />} />
      <Route path="*" element={<ShowPath />} />
    </Routes>,
    { route: "/districts/16051/processes/new", auth: true },
  );
}

describe("NewProcessPage", () => {
  it("creates a draft with fields and social areas, then opens it", async () => {
    const user = userEvent.setup();
    let body: unknown;
    fakeApi({
      ...meRoute(karl),
      "/api/v1/districts/16051": erfurt,
      "/api/v1/districts/16051/social-areas": { items: areas },
      "POST /api/v1/districts/16051/processes": (request: FakeRequest) => {
        body = request.body;
        return json({ ...process, id: 42, status: "draft" }, 201);
      },
    });
    renderNew();
    expect(await screen.findByRole("heading", { level: 1, name: "Neuer Planungsprozess in Erfurt" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Prozess anlegen" }));
    expect(screen.getByLabelText(/^Titel/)).toHaveAccessibleDescription("Bitte füllen Sie dieses Feld aus.");
    expect(screen.getByLabelText(/^Titel/)).toHaveFocus();

    await user.type(screen.getByLabelText(/^Titel/), "Teilhabeplanung 2027");
    await user.type(screen.getByLabelText("Zuständige Stelle", { exact: false }), "Sozialamt");
    const fields = screen.getByRole("group", { name: "Fachplanungen" });
    await user.click(within(fields).getByLabelText("Eingliederung/Behinderung"));
    await user.click(within(fields).getByLabelText("Wohnen"));
    const social = screen.getByRole("group", { name: "Sozialräume" });
    expect(screen.getByRole("group", { name: "Planungsräume" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Quartiere" })).toBeInTheDocument();
    await user.click(within(social).getByLabelText("Sozialraum Nord-West (Beispiel)"));
    await user.click(screen.getByRole("button", { name: "Prozess anlegen" }));

    expect(await screen.findByTestId("path")).toHaveTextContent("/processes/42");
    expect(body).toEqual({
      title: "Teilhabeplanung 2027",
      summary: "",
      office: "Sozialamt",
      fields: ["eingliederung", "wohnen"],
      social_area_ids: [3],
    });
  });

  it("is closed to another district's coordinator", async () => {
    fakeApi({ ...meRoute(jana) });
    renderNew();
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Prozess anlegen" })).toBeNull();
  });
});

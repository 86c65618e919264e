import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import type { Me } from "../../identity/api/auth";
import { AuthStatus } from "../../../test/AuthStatus";
import { consultation } from "../../../test/consultations";
import { areas, process } from "../../../test/fixtures";
import { jana, karl, meRoute } from "../../../test/people";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { NewConsultationRoute } from "./NewConsultationPage";

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function api(me: Me | null, extra: Record<string, unknown> = {}) {
  return fakeApi({
    ...meRoute(me),
    "/api/v1/processes/7": process,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/organisations": {
      items: [
        { slug: "awo-erfurt", name: "AWO Erfurt", kind: "provider", description: "" },
        { slug: "stadt-erfurt", name: "Stadt Erfurt", kind: "administration", description: "" },
      ],
    },
    ...extra,
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/processes/:id/consultations/new" element={<><NewConsultationRoute /><AuthStatus /></>} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { route: "/processes/7/consultations/new", auth: true },
  );
}

describe("NewConsultationPage", () => {
  it("checks the input, then opens the consultation and shows it", async () => {
    let sent: Record<string, unknown> | undefined;
    api(karl, {
      "POST /api/v1/processes/7/consultations": ({ body }: FakeRequest) => {
        sent = body as Record<string, unknown>;
        return json(consultation({ id: 5 }), 201);
      },
    });
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "Beteiligung eröffnen: Integrierte Sozialplanung Erfurt (Beispiel)" })).toBeInTheDocument();
    const form = (await screen.findByRole("button", { name: "Beteiligung eröffnen" })).closest("form")!;

    await user.click(within(form).getByRole("radio", { name: "Nur eingeladene Organisationen" }));
    const invited = within(form).getByRole("group", { name: "Eingeladene Organisationen" });
    expect(within(invited).queryByText("Stadt Erfurt")).not.toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Beteiligung eröffnen" }));
    expect(within(form).getByRole("textbox", { name: /^Titel/ })).toHaveFocus();
    expect(within(form).getByText("Bitte laden Sie mindestens eine Organisation ein.")).toBeInTheDocument();
    expect(within(form).getByText("Bitte korrigieren Sie die markierten Angaben.")).toBeInTheDocument();

    await user.type(within(form).getByRole("textbox", { name: /^Titel/ }), "Entwurf Jugendhilfeplan");
    await user.click(within(invited).getByRole("checkbox", { name: /AWO Erfurt/ }));
    await user.click(within(form).getByRole("radio", { name: /^Vorab/ }));
    const first = within(form).getByRole("group", { name: "Abschnitt 1" });
    await user.type(within(first).getByRole("textbox", { name: /^Überschrift/ }), "Ziele");
    await user.click(within(form).getByRole("button", { name: "Abschnitt hinzufügen" }));
    const second = within(form).getByRole("group", { name: "Abschnitt 2" });
    expect(within(second).getByRole("textbox", { name: /^Überschrift/ })).toHaveFocus();
    await user.keyboard("Maßnahmen");
    await user.type(within(second).getByRole("textbox", { name: /^Text/ }), "- Treffs");
    await user.click(within(second).getByRole("button", { name: "Abschnitt 2 nach oben verschieben" }));
    expect(within(form).getByRole("group", { name: "Abschnitt 1" })).toContainElement(document.activeElement as HTMLElement);
    await user.click(within(form).getByRole("button", { name: "Beteiligung eröffnen" }));

    expect(await screen.findByTestId("where")).toHaveTextContent("/consultations/5");
    expect(sent).toMatchObject({
      title: "Entwurf Jugendhilfeplan",
      audience: "invited",
      invited_organisations: ["awo-erfurt"],
      moderation: "pre",
      social_area_ids: [3],
      sections: [
        { heading: "Maßnahmen", body: "- Treffs" },
        { heading: "Ziele", body: "" },
      ],
    });
    // Four weeks, give or take a change to or from summer time.
    const days = (Date.parse(String(sent?.closes_at)) - Date.parse(String(sent?.opens_at))) / 86_400_000;
    expect(Math.abs(days - 28)).toBeLessThanOrEqual(1 / 24);
  });

  it("is closed to another district's coordinator", async () => {
    api(jana);
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
  });
});

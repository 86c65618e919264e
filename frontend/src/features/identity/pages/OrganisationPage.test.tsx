import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import type { Me } from "../api/auth";
import { setCsrfToken } from "../../../shared/api/client";
import type { Member, Organisation } from "../api/organisations";
import { summaries } from "../../../test/fixtures";
import { anna, arne, dora, meRoute } from "../../../test/people";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import { OrganisationRoute } from "./OrganisationPage";

afterEach(() => setCsrfToken(undefined));

const diakonie: Organisation = {
  slug: "diakonie-erfurt",
  name: "Diakonie Erfurt",
  kind: "provider",
  description: "Ein freier Träger.",
  district_key: "16051",
};

const doraMember: Member = { user_id: 4, name: "Dora Diakonie", email: dora.email, role: "admin", source: "claim" };
const arneMember: Member = { user_id: 5, name: "Arne Awo", email: arne.email, role: "member", source: "platform" };

function renderOrganisation(me: Me | null, routes: Parameters<typeof fakeApi>[0] = {}) {
  fakeApi({
    ...meRoute(me),
    "/api/v1/districts": { items: summaries },
    "/api/v1/organisations/diakonie-erfurt": diakonie,
    "/api/v1/organisations/diakonie-erfurt/members": { items: [arneMember, doraMember] },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/organisationen/:slug" element={<OrganisationRoute />} />
    </Routes>,
    { route: "/organisationen/diakonie-erfurt", auth: true },
  );
}

function fact(term: string): string | null | undefined {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe("OrganisationPage", () => {
  it("shows the public profile to anyone, without edit form or members", async () => {
    renderOrganisation(null);
    expect(await screen.findByRole("heading", { level: 1, name: "Diakonie Erfurt" })).toBeInTheDocument();
    expect(fact("Art")).toBe("Freier Träger");
    expect(await screen.findByRole("link", { name: "Erfurt" })).toHaveAttribute("href", "/districts/16051");
    expect(screen.getByText("Ein freier Träger.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Profil bearbeiten" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Mitglieder" })).toBeNull();
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Diakonie Erfurt – teilhabe"));
  });

  it("hides the management from a plain member", async () => {
    renderOrganisation({ ...arne, organisations: [{ ...arne.organisations[0]!, slug: "diakonie-erfurt" }] });
    await screen.findByRole("heading", { level: 1, name: "Diakonie Erfurt" });
    expect(screen.queryByRole("heading", { name: "Mitglieder" })).toBeNull();
  });

  it("explains an unknown organisation", async () => {
    fakeApi({ ...meRoute(null), "/api/v1/districts": { items: summaries } });
    renderWithProviders(
      <Routes>
        <Route path="/organisationen/:slug" element={<OrganisationRoute />} />
      </Routes>,
      { route: "/organisationen/gibt-es-nicht", auth: true },
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Organisation nicht gefunden" })).toBeInTheDocument();
    expect(screen.getByText(/„gibt-es-nicht“ gibt es nicht/)).toBeInTheDocument();
  });

  it("lets the provider admin change name and description only", async () => {
    let request: FakeRequest | undefined;
    renderOrganisation(dora, {
      "PATCH /api/v1/organisations/diakonie-erfurt": (r) => {
        request = r;
        return json({ ...diakonie, description: "Neu beschrieben." });
      },
    });
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "Profil bearbeiten" });
    expect(within(form).queryByRole("combobox")).toBeNull();
    expect(within(form).getByText("Art und Kreis der Organisation ändert die Administration.")).toBeInTheDocument();
    const description = within(form).getByRole("textbox", { name: "Beschreibung" });
    await user.clear(description);
    await user.type(description, "Neu beschrieben.");
    await user.click(within(form).getByRole("button", { name: "Speichern" }));

    expect(await screen.findByText("Die Änderungen sind gespeichert.")).toBeInTheDocument();
    expect(request?.body).toEqual({ name: "Diakonie Erfurt", description: "Neu beschrieben." });
    expect(request?.headers.get("X-CSRF-Token")).toBe("token-4");
    expect(screen.getByText("Neu beschrieben.", { selector: "p" })).toBeInTheDocument();
  });

  it("validates the name before saving", async () => {
    renderOrganisation(dora);
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "Profil bearbeiten" });
    const name = within(form).getByRole("textbox", { name: /^Name/ });
    await user.clear(name);
    await user.click(within(form).getByRole("button", { name: "Speichern" }));
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Bitte füllen Sie dieses Feld aus.");
    expect(name).toHaveFocus();
  });

  it("lets admins change kind and district too", async () => {
    let body: unknown;
    renderOrganisation(anna, {
      "PATCH /api/v1/organisations/diakonie-erfurt": (r) => ((body = r.body), json({ ...diakonie, kind: "umbrella" })),
    });
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "Profil bearbeiten" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Art" }), "umbrella");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Kreis" }), "");
    await user.click(within(form).getByRole("button", { name: "Speichern" }));
    await screen.findByText("Die Änderungen sind gespeichert.");
    expect(body).toEqual({ name: "Diakonie Erfurt", description: "Ein freier Träger.", kind: "umbrella", district_key: "" });
  });
});

describe("members section", () => {
  it("lists members with role and source", async () => {
    renderOrganisation(dora);
    const table = await screen.findByRole("table", { name: "Mitglieder von Diakonie Erfurt" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").slice(1, 3).map((c) => c.textContent))).toEqual([
      ["Mitglied", "teilhabe"],
      ["Leitung", "Anmeldedienst"],
    ]);
  });

  it("adds a person by e-mail and explains an unknown address", async () => {
    let known = false;
    renderOrganisation(dora, {
      "POST /api/v1/organisations/diakonie-erfurt/members": ({ body }) =>
        known
          ? json({ user_id: 1, name: "Rita Rathaus", email: (body as { email: string }).email, role: "admin", source: "platform" })
          : problem(404, "user_not_found", "user not found"),
    });
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Person hinzufügen oder Rolle ändern" });
    const email = within(form).getByRole("textbox", { name: /E-Mail-Adresse/ });
    await user.click(within(form).getByRole("button", { name: "Hinzufügen" }));
    expect(email).toHaveAccessibleDescription(/Die Person muss sich vorher.*Bitte füllen Sie dieses Feld aus\./);
    expect(email).toHaveFocus();
    await user.type(email, "niemand");
    await user.click(within(form).getByRole("button", { name: "Hinzufügen" }));
    expect(email).toHaveAccessibleDescription(/Bitte geben Sie eine E-Mail-Adresse an/);

    await user.clear(email);
    await user.type(email, "niemand@example.org");
    await user.click(within(form).getByRole("button", { name: "Hinzufügen" }));
    expect(await within(form).findByText(/Zu dieser E-Mail-Adresse gibt es kein Konto/)).toBeInTheDocument();

    known = true;
    await user.clear(email);
    await user.type(email, "rita@example.org");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Rolle" }), "admin");
    await user.click(within(form).getByRole("button", { name: "Hinzufügen" }));
    expect(await screen.findByRole("rowheader", { name: "Rita Rathaus" })).toBeInTheDocument();
    expect(screen.getByText("Rita Rathaus: Leitung")).toBeInTheDocument();
    expect(email).toHaveValue("");
  });

  it("changes a member's role", async () => {
    let body: unknown;
    renderOrganisation(dora, {
      "POST /api/v1/organisations/diakonie-erfurt/members": (r) => ((body = r.body), json({ ...arneMember, role: "admin" })),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Arne Awo zur Leitung machen" }));
    expect(await screen.findByRole("button", { name: "Arne Awo zum Mitglied machen" })).toBeInTheDocument();
    expect(body).toEqual({ email: arne.email, role: "admin" });
  });

  it("asks before removing; cancelling returns focus, confirming removes", async () => {
    let removed = false;
    renderOrganisation(dora, {
      "DELETE /api/v1/organisations/diakonie-erfurt/members/5": () => ((removed = true), new Response(null, { status: 204 })),
    });
    const user = userEvent.setup();
    const remove = await screen.findByRole("button", { name: "Arne Awo entfernen" });
    await user.click(remove);
    const confirm = screen.getByRole("group", { name: "Arne Awo wirklich aus der Organisation entfernen?" });
    const cancel = within(confirm).getByRole("button", { name: "Abbrechen" });
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(screen.getByRole("button", { name: "Arne Awo entfernen" })).toHaveFocus();
    expect(removed).toBe(false);

    await user.click(screen.getByRole("button", { name: "Arne Awo entfernen" }));
    await user.click(screen.getByRole("button", { name: "Ja, entfernen" }));
    expect(await screen.findByText("Arne Awo wurde entfernt.")).toBeInTheDocument();
    expect(screen.queryByRole("rowheader", { name: "Arne Awo" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Mitglieder" })).toHaveFocus();
    expect(removed).toBe(true);
  });

  it("warns that a membership from the identity provider comes back", async () => {
    renderOrganisation(anna);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Dora Diakonie entfernen" }));
    expect(screen.getByRole("group", { name: /Dora Diakonie wirklich/ })).toHaveTextContent(
      /kommt bei der nächsten Anmeldung zurück/,
    );
  });
});

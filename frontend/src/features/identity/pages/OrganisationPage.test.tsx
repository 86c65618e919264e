import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import type { Me } from "../api/auth";
import { setCsrfToken } from "../../../shared/api/client";
import type { Invitation, Member, Organisation } from "../api/organisations";
import { summaries } from "../../../test/fixtures";
import { anna, arne, dora, meRoute } from "../../../test/people";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
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
    "/api/v1/organisations/diakonie-erfurt/invitations": { items: [] },
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

  it("invites by e-mail and says only that the invitation waits for an answer", async () => {
    let body: unknown;
    const pending: Invitation[] = [];
    renderOrganisation(dora, {
      "/api/v1/organisations/diakonie-erfurt/invitations": () => json({ items: pending }),
      "POST /api/v1/organisations/diakonie-erfurt/invitations": (r) => {
        body = r.body;
        pending.push({ id: 3, email: "rita@example.org", role: "admin", invited_by_name: "Dora Diakonie",
          created_at: "2026-11-20T10:00:00Z", expires_at: "2026-12-04T10:00:00Z", actions: ["withdraw"] });
        return json({ status: "invited" }, 202);
      },
    });
    const user = userEvent.setup();
    const form = await screen.findByRole("form", { name: "Person einladen" });
    const email = within(form).getByRole("textbox", { name: /E-Mail-Adresse/ });
    await user.click(within(form).getByRole("button", { name: "Einladen" }));
    expect(email).toHaveAccessibleDescription(/sobald sie die Einladung in teilhabe annimmt.*Bitte füllen Sie dieses Feld aus\./);
    expect(email).toHaveFocus();
    await user.type(email, "niemand");
    await user.click(within(form).getByRole("button", { name: "Einladen" }));
    expect(email).toHaveAccessibleDescription(/Bitte geben Sie eine E-Mail-Adresse an/);

    await user.clear(email);
    await user.type(email, "rita@example.org");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Rolle" }), "admin");
    await user.click(within(form).getByRole("button", { name: "Einladen" }));
    expect(await screen.findByText("Die Einladung an rita@example.org wartet auf Antwort.")).toBeInTheDocument();
    expect(body).toEqual({ email: "rita@example.org", role: "admin" });
    expect(email).toHaveValue("");
    // Nobody is added to the members before accepting.
    expect(screen.queryByRole("rowheader", { name: /rita/i })).toBeNull();
    const invitations = screen.getByRole("region", { name: "Offene Einladungen" });
    expect(await within(invitations).findByText("rita@example.org")).toBeInTheDocument();
  });

  it("withdraws an invitation where the server offers it", async () => {
    let withdrawn = false;
    const invitation = (id: number, email: string, actions: Invitation["actions"]): Invitation => ({
      id, email, role: "member", created_at: "2026-11-20T10:00:00Z", expires_at: "2026-12-04T10:00:00Z", actions,
    });
    renderOrganisation(dora, {
      "/api/v1/organisations/diakonie-erfurt/invitations": {
        items: [invitation(3, "a@example.org", ["withdraw"]), invitation(4, "b@example.org", [])],
      },
      "DELETE /api/v1/organisations/diakonie-erfurt/invitations/3": () => ((withdrawn = true), new Response(null, { status: 204 })),
    });
    const user = userEvent.setup();
    const region = await screen.findByRole("region", { name: "Offene Einladungen" });
    await within(region).findByText("b@example.org");
    expect(within(region).getAllByRole("button")).toHaveLength(1);
    await user.click(within(region).getByRole("button", { name: "Einladung an a@example.org zurückziehen" }));
    await user.click(screen.getByRole("button", { name: "Ja, zurückziehen" }));
    expect(await screen.findByText("Die Einladung an a@example.org ist zurückgezogen.")).toBeInTheDocument();
    expect(withdrawn).toBe(true);
    expect(within(region).queryByText("a@example.org")).toBeNull();
  });

  it("changes a member's role", async () => {
    let body: unknown;
    renderOrganisation(dora, {
      "PATCH /api/v1/organisations/diakonie-erfurt/members/5": (r) => ((body = r.body), json({ ...arneMember, role: "admin" })),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Arne Awo zur Leitung machen" }));
    expect(await screen.findByRole("button", { name: "Arne Awo zum Mitglied machen" })).toBeInTheDocument();
    expect(body).toEqual({ role: "admin" });
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

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Route, Routes } from "react-router";
import type { UserSummary } from "../../api/admin";
import { setCsrfToken } from "../../../../shared/api/client";
import { summaries } from "../../../../test/fixtures";
import { anna, meRoute, rita } from "../../../../test/people";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../../test/render";
import { UsersPage } from "./UsersPage";

afterEach(() => setCsrfToken(undefined));

const ritaSummary: UserSummary = { id: rita.id, name: rita.name, email: rita.email, roles: rita.roles };
const annaSummary: UserSummary = { id: anna.id, name: anna.name, email: anna.email, roles: anna.roles };

function renderUsers(routes: Parameters<typeof fakeApi>[0], route = "/verwaltung/personen") {
  const fetchMock = fakeApi({
    ...meRoute(anna),
    "/api/v1/districts": { items: summaries },
    "/api/v1/organisations": { items: [] },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/verwaltung/personen" element={<UsersPage />} />
    </Routes>,
    { route, auth: true },
  );
  return fetchMock;
}

async function card(name: string) {
  return screen.findByRole("article", { name });
}

describe("UsersPage", () => {
  it("searches by name or e-mail through the address", async () => {
    const queries: string[] = [];
    renderUsers({
      "/api/v1/users": ({ url }) => {
        queries.push(url.searchParams.get("q") ?? "");
        return json({ items: url.searchParams.get("q") === "rita" ? [ritaSummary] : [ritaSummary, annaSummary] });
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByText("2 Personen")).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Name oder E-Mail-Adresse" }), "rita");
    await user.click(screen.getByRole("button", { name: "Suchen" }));
    expect(await screen.findByText("1 Person")).toBeInTheDocument();
    expect(queries).toEqual(["", "rita"]);
  });

  it("lists each person's roles with their source", async () => {
    renderUsers({
      "/api/v1/users": {
        items: [{ ...ritaSummary, roles: [...rita.roles, { id: 7, role: "coordinator", district_key: "16051", source: "platform" }] }],
      },
    });
    const ritaCard = await card("Rita Rathaus");
    const roles = within(ritaCard).getAllByRole("listitem").map((li) => li.textContent);
    expect(roles[0]).toBe("Bürgerin/Bürger (vom Anmeldedienst) – nur dort änderbar");
    expect(roles[1]).toMatch(/^Planungskoordination Erfurt \(16051\) \(in teilhabe vergeben\)/);
    expect(within(ritaCard).getByRole("button", { name: "Planungskoordination Erfurt (16051) entziehen" })).toBeInTheDocument();
    expect(within(ritaCard).queryByRole("button", { name: /Bürgerin\/Bürger entziehen/ })).toBeNull();
  });

  it("requires a district for a coordinator role, then grants it", async () => {
    let request: FakeRequest | undefined;
    renderUsers({
      "/api/v1/users": { items: [ritaSummary] },
      "POST /api/v1/users/1/roles": (r) => {
        request = r;
        return json({ id: 8, role: "coordinator", district_key: "16055", source: "platform" }, 201);
      },
    });
    const user = userEvent.setup();
    const ritaCard = await card("Rita Rathaus");
    const form = within(ritaCard).getByRole("group", { name: "Rolle vergeben an Rita Rathaus" });
    await user.click(within(form).getByRole("button", { name: "Rolle vergeben" }));
    const district = within(form).getByRole("combobox", { name: /^Kreis/ });
    expect(district).toHaveAttribute("aria-invalid", "true");
    expect(district).toHaveAccessibleDescription("Bitte wählen Sie einen Kreis.");
    expect(district).toHaveFocus();
    expect(request).toBeUndefined();

    await waitFor(() => expect(within(district).getAllByRole("option")).toHaveLength(4));
    await user.selectOptions(district, "16055");
    await user.click(within(form).getByRole("button", { name: "Rolle vergeben" }));
    expect(await within(ritaCard).findByText("Vergeben: Planungskoordination Weimar (16055)")).toBeInTheDocument();
    expect(within(ritaCard).getByText("Planungskoordination Weimar (16055)")).toBeInTheDocument();
    expect(request?.body).toEqual({ role: "coordinator", district_key: "16055" });
    expect(request?.headers.get("X-CSRF-Token")).toBe("token-2");
  });

  it("grants the administration without a district", async () => {
    let body: unknown;
    renderUsers({
      "/api/v1/users": { items: [ritaSummary] },
      "POST /api/v1/users/1/roles": (r) => ((body = r.body), json({ id: 9, role: "admin", source: "platform" }, 201)),
    });
    const user = userEvent.setup();
    const ritaCard = await card("Rita Rathaus");
    await user.selectOptions(within(ritaCard).getByRole("combobox", { name: "Rolle" }), "admin");
    expect(within(ritaCard).queryByRole("combobox", { name: /^Kreis/ })).toBeNull();
    await user.click(within(ritaCard).getByRole("button", { name: "Rolle vergeben" }));
    expect(await within(ritaCard).findByText("Vergeben: Administration")).toBeInTheDocument();
    expect(body).toEqual({ role: "admin" });
  });

  it("revokes a platform role and explains a refusal for roles from the identity provider", async () => {
    let revoke = () => problem(409, "role_from_identity_provider", "this role comes from the identity provider");
    renderUsers({
      "/api/v1/users": {
        items: [{ ...ritaSummary, roles: [{ id: 7, role: "coordinator", district_key: "16051", source: "platform" }] }],
      },
      "DELETE /api/v1/users/1/roles/7": () => revoke(),
    });
    const user = userEvent.setup();
    const ritaCard = await card("Rita Rathaus");
    const button = within(ritaCard).getByRole("button", { name: "Planungskoordination Erfurt (16051) entziehen" });
    await user.click(button);
    expect(await within(ritaCard).findByText(/Diese Rolle kommt vom Anmeldedienst und lässt sich nur dort ändern/)).toBeInTheDocument();

    revoke = () => new Response(null, { status: 204 });
    await user.click(button);
    expect(await within(ritaCard).findByText("Entzogen: Planungskoordination Erfurt (16051)")).toBeInTheDocument();
    expect(within(ritaCard).queryByRole("button", { name: /entziehen/ })).toBeNull();
    expect(within(ritaCard).getByRole("heading", { name: "Rita Rathaus" })).toHaveFocus();
    expect(within(ritaCard).getByText("Keine Rollen.")).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ProfilePage } from "./ProfilePage";
import { anna, dora, karl, meRoute, rita } from "../../../test/people";
import { fakeApi, json, renderWithProviders } from "../../../test/render";
import type { MyInvitation } from "../api/invitations";
import type { Me } from "../api/auth";

function renderProfile(me: Me | null, language: "de" | "en" = "de") {
  fakeApi(meRoute(me));
  return renderWithProviders(<ProfilePage />, { route: "/profil", auth: true, language });
}

function fact(term: string): string | null | undefined {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

function roleItems(): string[] {
  const section = screen.getByRole("region", { name: /Rollen|Roles/ });
  return within(section)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

describe("ProfilePage", () => {
  it("invites anonymous visitors to log in and come back here", async () => {
    renderProfile(null);
    expect(screen.getByRole("heading", { level: 1, name: "Profil" })).toBeInTheDocument();
    expect(await screen.findByText("Melden Sie sich an, um Ihr Profil zu sehen.")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Anmelden als Bürgerin oder Bürger" })).toHaveAttribute(
      "href",
      "/auth/login/buerger?return_to=%2Fprofil",
    );
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Profil – teilhabe"));
  });

  it("shows a resident's name, e-mail and role", async () => {
    renderProfile(rita);
    await screen.findByText("Rita Rathaus", { selector: "dd" });
    expect(fact("E-Mail-Adresse")).toBe(rita.email);
    expect(roleItems()).toEqual(["Bürgerin/Bürger (vom Anmeldedienst)"]);
    expect(screen.getByText("Sie gehören keiner Organisation an.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Zuständigkeit" })).toBeNull();
  });

  it("names a coordinator's district and links to it", async () => {
    renderProfile({
      ...karl,
      roles: [...karl.roles, { id: 9, role: "coordinator", district_key: "16055", source: "platform" }],
      districts: [...karl.districts, { key: "16055", name: "Weimar", kind: "kreisfreie_stadt", population: 65620 }],
    });
    await screen.findByText("Karl Koordinator", { selector: "dd" });
    expect(roleItems()).toEqual([
      "Planungskoordination Erfurt (16051) (vom Anmeldedienst)",
      "Planungskoordination Weimar (16055) (in teilhabe vergeben)",
    ]);
    const districts = screen.getByRole("region", { name: "Zuständigkeit" });
    expect(within(districts).getByRole("link", { name: "Erfurt" })).toHaveAttribute("href", "/districts/16051");
    expect(screen.getByText(/Rollen vom Anmeldedienst übernimmt teilhabe bei jeder Anmeldung/)).toBeInTheDocument();
  });

  it("lists a provider admin's organisation with a link to its page", async () => {
    renderProfile(dora);
    await screen.findByText("Dora Diakonie", { selector: "dd" });
    expect(roleItems()).toEqual(["Trägerleitung: Diakonie Erfurt (vom Anmeldedienst)"]);
    const organisations = screen.getByRole("region", { name: "Organisationen" });
    expect(within(organisations).getByRole("listitem")).toHaveTextContent("Leitung in Diakonie Erfurt");
    expect(within(organisations).getByRole("link", { name: "Diakonie Erfurt" })).toHaveAttribute(
      "href",
      "/organisationen/diakonie-erfurt",
    );
  });

  it("speaks English", async () => {
    renderProfile(anna, "en");
    expect(screen.getByRole("heading", { level: 1, name: "Profile" })).toBeInTheDocument();
    await screen.findByText("Anna Admin", { selector: "dd" });
    expect(roleItems()[0]).toBe("Administration (from the identity provider)");
    expect(fact("E-mail address")).toBe(anna.email);
  });
});

const hostile = `<img src=x onerror="document.title='xss'">`;

function invitation(id: number, rest: Partial<MyInvitation> = {}): MyInvitation {
  return {
    id,
    organisation_slug: "diakonie-erfurt",
    organisation_name: "Diakonie Erfurt",
    organisation_kind: "provider",
    role: "member",
    invited_by_name: "Dora Diakonie",
    created_at: "2026-11-20T10:00:00Z",
    expires_at: "2026-12-04T10:00:00Z",
    actions: ["accept", "decline"],
    ...rest,
  };
}

describe("ProfilePage, invitations", () => {
  it("shows each invitation with the buttons the server sends, names as text", async () => {
    fakeApi({
      ...meRoute({ ...rita, invitations: 2 }),
      "/api/v1/me/invitations": {
        items: [invitation(7, { organisation_name: hostile, invited_by_name: hostile }), invitation(8, { actions: [] })],
      },
    });
    renderWithProviders(<ProfilePage />, { route: "/profil", auth: true });
    const section = await screen.findByRole("region", { name: "Einladungen" });
    const items = await within(section).findAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("link", { name: hostile })).toHaveAttribute("href", "/organisationen/diakonie-erfurt");
    expect(items[0]).toHaveTextContent(`(eingeladen von ${hostile})`);
    expect(document.querySelector("img")).toBeNull();
    expect(within(items[0]!).getByRole("button", { name: `Einladung von ${hostile} annehmen` })).toBeInTheDocument();
    // No action offered, no button: the page does not decide who may answer.
    expect(within(items[1]!).queryByRole("button")).toBeNull();
  });

  it("accepts: the item goes, the status says so, and the person is loaded again", async () => {
    let accepted = false;
    const api = fakeApi({
      ...meRoute({ ...rita, invitations: 1 }),
      "/api/v1/me/invitations": { items: [invitation(7)] },
      "POST /api/v1/me/invitations/7/accept": () => (
        (accepted = true), json({ slug: "diakonie-erfurt", name: "Diakonie Erfurt", kind: "provider", role: "member" })
      ),
    });
    renderWithProviders(<ProfilePage />, { route: "/profil", auth: true });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Einladung von Diakonie Erfurt annehmen" }));
    expect(await screen.findByText("Sie sind jetzt Mitglied von Diakonie Erfurt.")).toBeInTheDocument();
    expect(accepted).toBe(true);
    expect(screen.getByRole("heading", { name: "Einladungen" })).toHaveFocus();
    expect(screen.getByText("Sie haben keine offenen Einladungen.")).toBeInTheDocument();
    await waitFor(() => expect(api.mock.calls.filter(([url]) => String(url).endsWith("/api/v1/me")).length).toBeGreaterThan(1));
  });

  it("declines", async () => {
    let declined = false;
    fakeApi({
      ...meRoute({ ...rita, invitations: 1 }),
      "/api/v1/me/invitations": { items: [invitation(7)] },
      "POST /api/v1/me/invitations/7/decline": () => ((declined = true), new Response(null, { status: 204 })),
    });
    renderWithProviders(<ProfilePage />, { route: "/profil", auth: true });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Einladung von Diakonie Erfurt ablehnen" }));
    expect(await screen.findByText("Sie haben die Einladung von Diakonie Erfurt abgelehnt.")).toBeInTheDocument();
    expect(declined).toBe(true);
  });
});

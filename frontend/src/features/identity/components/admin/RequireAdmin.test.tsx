import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../../../../App";
import type { Me } from "../../api/auth";
import { summaries } from "../../../../test/fixtures";
import { anna, karl, meRoute } from "../../../../test/people";
import { fakeApi, renderWithProviders } from "../../../../test/render";

function renderApp(me: Me | null, route: string) {
  fakeApi({ ...meRoute(me), "/api/v1/districts": { items: summaries }, "/api/v1/organisations": { items: [] } });
  renderWithProviders(<App />, { route });
}

describe("administration pages", () => {
  it("refuse a person who is not an admin, without a Verwaltung nav entry", async () => {
    renderApp(karl, "/verwaltung/personen");
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
    expect(screen.getByText("Diese Seite ist der Administration vorbehalten.")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Hauptnavigation" });
    expect(within(nav).queryByRole("link", { name: "Verwaltung" })).toBeNull();
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Kein Zugriff – teilhabe"));
  });

  it("invite anonymous visitors to log in and come back", async () => {
    renderApp(null, "/verwaltung/protokoll");
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
    const main = screen.getByRole("main");
    expect(await within(main).findByRole("link", { name: "Anmelden als Verwaltung" })).toHaveAttribute(
      "href",
      "/auth/login/verwaltung?return_to=%2Fverwaltung%2Fprotokoll",
    );
  });

  it("open for admins, with the nav entry", async () => {
    renderApp(anna, "/verwaltung");
    expect(await screen.findByRole("link", { name: "Personen und Rollen" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Verwaltung" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Hauptnavigation" });
    expect(within(nav).getByRole("link", { name: "Verwaltung" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Personen und Rollen" })).toHaveAttribute("href", "/verwaltung/personen");
    expect(screen.getByRole("link", { name: "Protokoll" })).toHaveAttribute("href", "/verwaltung/protokoll");
    expect(screen.getByRole("link", { name: "Organisation anlegen" })).toHaveAttribute(
      "href",
      "/verwaltung/organisationen/neu",
    );
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "./App";
import { boundaries, erfurt, summaries } from "./test/fixtures";
import { fakeApi, renderWithProviders } from "./test/render";
import { meRoute } from "./test/people";

function api() {
  return fakeApi({
    ...meRoute(null),
    "/api/v1/districts": { items: summaries },
    "/api/v1/district-boundaries": boundaries,
    "/api/v1/districts/16051": erfurt,
  });
}

describe("App shell", () => {
  it("has a skip link to the main landmark, header, navigation and footer", async () => {
    api();
    renderWithProviders(<App />);
    expect(screen.getByRole("link", { name: "Zum Inhalt springen" })).toHaveAttribute("href", "#main");
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Hauptnavigation" })).toBeInTheDocument();
    expect(screen.getByRole("contentinfo")).toBeInTheDocument();
    expect(await screen.findByRole("table")).toBeInTheDocument();
  });

  it("renders the home page with one h1, the map and the table from the API", async () => {
    api();
    renderWithProviders(<App />);
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(
      screen.getByRole("heading", { level: 1, name: "Beteiligung an der integrierten Sozialplanung in Thüringen" }),
    ).toBeInTheDocument();
    const map = await screen.findByRole("group", { name: /Karte der Landkreise/ });
    expect(within(map).getAllByRole("link")).toHaveLength(3);
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("link").map((a) => a.textContent)).toEqual(["Erfurt", "Weimar", "Gotha"]);
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Startseite – teilhabe"));
  });

  it("shows an error with a retry button when the API fails, and recovers", async () => {
    let fail = true;
    fakeApi({
      ...meRoute(null),
      "/api/v1/districts": () =>
        fail ? new Response("", { status: 503 }) : new Response(JSON.stringify({ items: summaries })),
      "/api/v1/district-boundaries": boundaries,
    });
    const user = userEvent.setup();
    renderWithProviders(<App />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Beim Laden ist ein Fehler aufgetreten.");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Erneut versuchen" }));
    expect(await screen.findByRole("table")).toBeInTheDocument();
  });

  it("shows a not-found page for unknown routes", async () => {
    api();
    renderWithProviders(<App />, { route: "/gibt-es-nicht" });
    await screen.findByRole("button", { name: "Anmelden" });
    expect(screen.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeInTheDocument();
    expect(screen.getByText(/Die Seite \/gibt-es-nicht gibt es nicht/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zur Startseite" })).toHaveAttribute("href", "/");
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Seite nicht gefunden – teilhabe"));
  });

  it("moves focus to the new page's h1 after following a link", async () => {
    api();
    const user = userEvent.setup();
    renderWithProviders(<App />);
    const table = await screen.findByRole("table");
    await user.click(within(table).getByRole("link", { name: "Erfurt" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Erfurt" });
    expect(heading).toHaveFocus();
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Erfurt – teilhabe"));
  });
});

describe("language switch", () => {
  it("starts in German and switches everything to English", async () => {
    api();
    const user = userEvent.setup();
    renderWithProviders(<App />);
    const deutsch = screen.getByRole("button", { name: "Deutsch" });
    const english = screen.getByRole("button", { name: "English" });
    expect(deutsch).toHaveAttribute("aria-pressed", "true");
    expect(english).toHaveAttribute("aria-pressed", "false");
    expect(document.documentElement.lang).toBe("de");
    await screen.findByRole("table");

    await user.click(english);

    expect(english).toHaveAttribute("aria-pressed", "true");
    expect(deutsch).toHaveAttribute("aria-pressed", "false");
    expect(document.documentElement.lang).toBe("en");
    expect(window.localStorage.getItem("teilhabe.language")).toBe("en");
    expect(
      screen.getByRole("heading", { level: 1, name: "Participation in integrated social planning in Thuringia" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to main content" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Erfurt (Urban district)" })).toBeInTheDocument();
    expect(screen.getByText("214,969")).toBeInTheDocument();
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Home – teilhabe"));
  });

  it("marks each button with its own language", async () => {
    api();
    renderWithProviders(<App />);
    expect(screen.getByRole("button", { name: "Deutsch" })).toHaveAttribute("lang", "de");
    expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("lang", "en");
    await screen.findByRole("table");
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { redirectTo } from "../../../shared/lib/redirect";
import { karl, meRoute, providers } from "../../../test/people";
import { fakeApi, json, problem, renderWithProviders } from "../../../test/render";
import { AccountArea } from "./AccountArea";

vi.mock("../../../shared/lib/redirect", () => ({ redirectTo: vi.fn() }));
afterEach(() => vi.mocked(redirectTo).mockClear());

function renderArea(route = "/organisationen?seite=2") {
  return renderWithProviders(
    <>
      <AccountArea />
      <p>
        <a href="#elsewhere">Anderswo</a>
      </p>
    </>,
    { route, auth: true },
  );
}

describe("AccountArea, anonymous", () => {
  it("shows a collapsed login button whose panel lists one link per provider", async () => {
    fakeApi(meRoute(null));
    const user = userEvent.setup();
    renderArea();
    const button = await screen.findByRole("button", { name: "Anmelden" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    const panel = document.getElementById(button.getAttribute("aria-controls") ?? "");
    expect(panel).not.toBeVisible();

    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(panel).toBeVisible();
    const links = within(panel!).getAllByRole("link");
    expect(links.map((a) => a.textContent)).toEqual([
      "Anmelden als Verwaltung",
      "Anmelden als Träger",
      "Anmelden als Bürgerin oder Bürger",
    ]);
    expect(links[2]).toHaveAttribute("href", "/auth/login/buerger?return_to=%2Forganisationen%3Fseite%3D2");
  });

  it("opens and closes by keyboard; Escape returns focus to the button", async () => {
    fakeApi(meRoute(null));
    const user = userEvent.setup();
    renderArea();
    const button = await screen.findByRole("button", { name: "Anmelden" });
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.tab();
    expect(await screen.findByRole("link", { name: "Anmelden als Verwaltung" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
    await user.keyboard(" ");
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.keyboard(" ");
    expect(button).toHaveAttribute("aria-expanded", "false");
  });

  it("closes when the focus moves on past the last link, and on a click outside", async () => {
    fakeApi(meRoute(null));
    const user = userEvent.setup();
    renderArea();
    const button = await screen.findByRole("button", { name: "Anmelden" });
    await user.click(button);
    await screen.findByRole("link", { name: "Anmelden als Bürgerin oder Bürger" });
    await user.tab(); // Verwaltung
    await user.tab(); // Träger
    await user.tab(); // Bürger
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.tab(); // out
    expect(screen.getByRole("link", { name: "Anderswo" })).toHaveFocus();
    expect(button).toHaveAttribute("aria-expanded", "false");

    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.click(screen.getByText("Anderswo").parentElement!);
    expect(button).toHaveAttribute("aria-expanded", "false");
  });

  it("comes back to the home page after a login started from the failed-login page", async () => {
    fakeApi(meRoute(null));
    const user = userEvent.setup();
    renderArea("/login/failed");
    await user.click(await screen.findByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("link", { name: "Anmelden als Träger" })).toHaveAttribute(
      "href",
      "/auth/login/traeger?return_to=%2F",
    );
  });

  it("names providers by label when several serve the same audience", async () => {
    fakeApi({
      ...meRoute(null),
      "/api/v1/auth/providers": { items: [...providers, { id: "jena", label: "Stadt Jena", audience: "staff" }] },
    });
    const user = userEvent.setup();
    renderArea();
    await user.click(await screen.findByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("link", { name: "Anmelden über Stadt Jena" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Anmelden über Verwaltung" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Anmelden als Träger" })).toBeInTheDocument();
  });

  it("says so when the providers cannot be loaded", async () => {
    fakeApi({ ...meRoute(null), "/api/v1/auth/providers": () => problem(500, "internal") });
    const user = userEvent.setup();
    renderArea();
    await user.click(await screen.findByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Beim Laden ist ein Fehler aufgetreten.");
  });
});

describe("AccountArea, logged in", () => {
  it("shows the name as a link to the profile and logs out", async () => {
    let loggedOut = false;
    fakeApi({ ...meRoute(karl), "POST /auth/logout": () => ((loggedOut = true), json({ redirect_url: "/" })) });
    const user = userEvent.setup();
    renderArea();
    const profile = await screen.findByRole("link", { name: "Karl Koordinator" });
    expect(profile).toHaveAttribute("href", "/profil");
    expect(screen.getByText("Angemeldet als")).toHaveClass("visually-hidden");
    expect(screen.queryByRole("button", { name: "Anmelden" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Abmelden" }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith("/"));
    expect(loggedOut).toBe(true);
    expect(await screen.findByRole("button", { name: "Anmelden" })).toBeInTheDocument();
  });

  it("explains a failed logout", async () => {
    fakeApi({ ...meRoute(karl), "POST /auth/logout": () => problem(500, "internal") });
    const user = userEvent.setup();
    renderArea();
    await user.click(await screen.findByRole("button", { name: "Abmelden" }));
    const message = await screen.findByText(/Die Abmeldung hat nicht geklappt/);
    expect(screen.getByRole("alert")).toContainElement(message);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it("shows nothing while /me loads", () => {
    fakeApi({ "/api/v1/me": () => new Promise<Response>(() => {}) });
    renderArea();
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("AccountArea, pending invitations", () => {
  it("links the count of pending invitations to them on the profile", async () => {
    fakeApi(meRoute({ ...karl, invitations: 2 }));
    renderArea();
    expect(await screen.findByRole("link", { name: "2 Einladungen" })).toHaveAttribute("href", "/profil#einladungen");
  });

  it("shows no count without invitations", async () => {
    fakeApi(meRoute(karl));
    renderArea();
    await screen.findByRole("link", { name: karl.name });
    expect(screen.queryByRole("link", { name: /Einladung/ })).toBeNull();
  });
});

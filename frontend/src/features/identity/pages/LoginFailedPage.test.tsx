import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LoginFailedPage } from "./LoginFailedPage";
import { meRoute } from "../../../test/people";
import { fakeApi, renderWithProviders } from "../../../test/render";

describe("LoginFailedPage", () => {
  it("explains the failure and offers the login links again, back to the home page", async () => {
    fakeApi(meRoute(null));
    renderWithProviders(<LoginFailedPage />, { route: "/login/failed" });
    expect(screen.getByRole("heading", { level: 1, name: "Anmeldung fehlgeschlagen" })).toBeInTheDocument();
    expect(screen.getByText(/Die Anmeldung hat leider nicht geklappt/)).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Anmelden als Verwaltung" })).toHaveAttribute(
      "href",
      "/auth/login/verwaltung?return_to=%2F",
    );
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe("Anmeldung fehlgeschlagen – teilhabe"));
  });
});

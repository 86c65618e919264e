import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json, renderWithProviders } from "../../../../test/render";
import { LoginProvidersPage } from "./LoginProvidersPage";

describe("LoginProvidersPage", () => {
  it("shows each provider's state, its last error and the latest claim warning", async () => {
    fakeApi({
      "/api/v1/auth/providers/status": () =>
        json({
          items: [
            {
              id: "verwaltung",
              label: "Verwaltung",
              state: "ok",
              checked_at: "2026-11-21T14:00:00Z",
              up_since: "2026-11-21T13:00:00Z",
              claim_warning: { claim: "realm_access.roles", at: "2026-11-21T14:05:00Z", present: ["email", "groups", "sub"] },
            },
            {
              id: "kaputt",
              label: "Kaputt",
              state: "unreachable",
              checked_at: "2026-11-21T14:01:00Z",
              last_error: "Get \"https://login.example/.well-known/openid-configuration\": connection refused",
              last_error_at: "2026-11-21T14:01:00Z",
            },
            { id: "neu", label: "Neu", state: "pending" },
          ],
        }),
    });
    renderWithProviders(<LoginProvidersPage />);
    const table = await screen.findByRole("table", { name: "Anmeldedienste und ihr Zustand" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole("rowheader")).toHaveTextContent("Verwaltung (verwaltung)");
    expect(within(rows[0]!).getByText("erreichbar")).toBeInTheDocument();
    expect(within(rows[0]!).getByRole("note")).toHaveTextContent(
      /fehlte die Angabe „realm_access\.roles“.*Vorhandene Angaben: email, groups, sub/,
    );
    expect(within(rows[1]!).getByText("nicht erreichbar")).toBeInTheDocument();
    expect(within(rows[1]!).getByText(/Letzter Fehler .*connection refused/)).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Keine Warnung.")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("noch nicht geprüft")).toBeInTheDocument();
  });
});

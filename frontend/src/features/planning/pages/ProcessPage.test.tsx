import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import type { Me } from "../../identity/api/auth";
import type { Process } from "../api/processes";
import { areas, erfurt, process } from "../../../test/fixtures";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import { jana, karl, meRoute } from "../../../test/people";
import { AuthStatus } from "../../../test/AuthStatus";
import { consultation } from "../../../test/consultations";
import { ProcessRoute } from "./ProcessPage";

function renderProcess(id: number | string = 7, language: "de" | "en" = "de") {
  return renderWithProviders(
    <Routes>
      <Route
        path="/processes/:id"
        element={
          <>
            <ProcessRoute />
            <AuthStatus />
          </>
        }
      />
    </Routes>,
    { route: `/processes/${id}`, language, auth: true },
  );
}

function api(me: Me | null, shown: Process = process, extra: Record<string, unknown> = {}) {
  return fakeApi({
    ...meRoute(me),
    "/api/v1/processes/7": shown,
    "/api/v1/districts/16051": erfurt,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/processes/7/consultations": { items: [consultation()] },
    ...extra,
  });
}

async function authKnown(status: "authenticated" | "anonymous") {
  await waitFor(() => expect(screen.getByTestId("auth-status")).toHaveTextContent(status));
}

describe("ProcessPage", () => {
  it("shows title, summary, office, fields, areas in scope, timeline and documents", async () => {
    api(null);
    renderProcess();
    expect(await screen.findByRole("heading", { level: 1, name: process.title })).toBeInTheDocument();
    // The title is set in an effect, which may run after the heading is shown.
    await waitFor(() => expect(document.title).toBe(`${process.title} – teilhabe`));
    expect(screen.getByText(process.summary)).toBeInTheDocument();
    expect(screen.getByText("Sozialplanung der Stadt Erfurt")).toBeInTheDocument();
    expect(screen.getByText("Jugendhilfe, Armut/Grundsicherung")).toBeInTheDocument();

    const timeline = screen.getByRole("heading", { name: "Ablauf" }).nextElementSibling as HTMLElement;
    expect(within(timeline).getAllByRole("listitem")).toHaveLength(3);
    expect(within(timeline).getByText("aktuelle Phase")).toBeInTheDocument();

    const map = await screen.findByRole("img", { name: "Karte von Erfurt; die Sozialräume des Prozesses sind hervorgehoben" });
    expect(map.querySelectorAll(".area-map__area--muted")).toHaveLength(3);
    expect(screen.getByText("Sozialraum Nord-West (Beispiel)", { selector: ".area-tree__name" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zurück zu Erfurt" })).toHaveAttribute("href", "/districts/16051");

    const link = screen.getByRole("link", { name: "Planentwurf" });
    expect(link).toHaveAttribute("href", "/api/v1/processes/7/documents/21");
    expect(link).toHaveAttribute("download", "planentwurf.pdf");
    expect(link.parentElement).toHaveTextContent("Planentwurf (PDF, 1,5 KB)");
    await authKnown("anonymous");
    expect(screen.queryByRole("heading", { name: "Prozess verwalten" })).toBeNull();
    expect(screen.queryByRole("button", { name: /löschen/ })).toBeNull();
  });

  it("shows the not-found message for a draft the server hides", async () => {
    fakeApi({ ...meRoute(null), "/api/v1/processes/8": () => problem(404, "process_not_found") });
    renderProcess(8);
    expect(await screen.findByRole("heading", { level: 1, name: "Prozess nicht gefunden" })).toBeInTheDocument();
    expect(screen.getByText(/gibt es nicht, oder er ist noch nicht veröffentlicht/)).toBeInTheDocument();
  });

  it("treats a malformed id as not found without asking the server", async () => {
    const fetchMock = fakeApi({ ...meRoute(null) });
    renderProcess("abc");
    expect(await screen.findByRole("heading", { level: 1, name: "Prozess nicht gefunden" })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain("/api/v1/processes/abc");
  });

  it("speaks English", async () => {
    api(null);
    renderProcess(7, "en");
    await screen.findByRole("heading", { level: 1, name: process.title });
    expect(screen.getByText("current phase")).toBeInTheDocument();
    expect(screen.getByText("Published (running)", { selector: ".facts dd *" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Timeline" })).toBeInTheDocument();
  });

  describe("permissions", () => {
    it("gives another district's coordinator no controls", async () => {
      api(jana);
      renderProcess();
      await screen.findByRole("heading", { level: 1, name: process.title });
      await authKnown("authenticated");
      await screen.findByRole("img", { name: /Karte von Erfurt/ });
      expect(screen.queryByRole("heading", { name: "Prozess verwalten" })).toBeNull();
      expect(screen.queryByRole("button", { name: "Phasen bearbeiten" })).toBeNull();
      expect(screen.queryByRole("button", { name: /löschen/ })).toBeNull();
      expect(screen.queryByRole("link", { name: "Beteiligung eröffnen" })).toBeNull();
    });

    it("lists the process's consultations and lets its coordinator open one", async () => {
      api(karl);
      renderProcess();
      await authKnown("authenticated");
      const section = await screen.findByRole("region", { name: "Beteiligung" });
      const link = await within(section).findByRole("link", { name: "Entwurf des Sozialplans Erfurt (Beispiel)" });
      expect(link).toHaveAttribute("href", "/consultations/1");
      expect(within(section).getByText("Offen für Beiträge")).toBeInTheDocument();
      expect(within(section).getByText(/noch 3 Tage 4 Stunden/)).toBeInTheDocument();
      expect(within(section).getByRole("link", { name: "Beteiligung eröffnen" })).toHaveAttribute("href", "/processes/7/consultations/new");
    });

    it("gives the district's coordinator status actions, editors, upload and delete", async () => {
      const user = userEvent.setup();
      let statusBody: unknown;
      api(karl, process, {
        "POST /api/v1/processes/7/status": (request: FakeRequest) => {
          statusBody = request.body;
          return json({ ...process, status: "concluded" });
        },
        "DELETE /api/v1/processes/7/documents/21": () => new Response(null, { status: 204 }),
      });
      renderProcess();
      expect(await screen.findByRole("heading", { name: "Prozess verwalten" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Angaben bearbeiten" })).toHaveAttribute("aria-expanded", "false");
      await user.click(screen.getByRole("button", { name: "Phasen bearbeiten" }));
      expect(screen.getByRole("button", { name: "Phasen bearbeiten" })).toHaveAttribute("aria-expanded", "true");
      expect(screen.getByRole("group", { name: "Phase 2" })).toBeVisible();
      expect(screen.getByLabelText(/^Datei/)).toHaveAttribute("type", "file");
      expect(screen.queryByRole("button", { name: "Veröffentlichen" })).toBeNull();

      await user.click(screen.getByRole("button", { name: "Abschließen" }));
      expect(await screen.findByText("Neuer Status: Abgeschlossen")).toBeInTheDocument();
      expect(statusBody).toEqual({ status: "concluded" });
      expect(screen.getByRole("button", { name: "Erneut veröffentlichen" })).toBeInTheDocument();

      await user.click(screen.getByRole("button", { name: "Dokument „Planentwurf“ löschen" }));
      const group = screen.getByRole("group", { name: "Das Dokument „Planentwurf“ wirklich löschen?" });
      expect(within(group).getByRole("button", { name: "Abbrechen" })).toHaveFocus();
      await user.click(within(group).getByRole("button", { name: "Ja, löschen" }));
      expect(await screen.findByText("„Planentwurf“ wurde gelöscht.")).toBeInTheDocument();
      expect(screen.queryByRole("link", { name: "Planentwurf" })).toBeNull();
      expect(screen.getByRole("heading", { name: "Dokumente" })).toHaveFocus();
    });

    it("checks an upload's type before sending it and shows the server's refusal", async () => {
      const user = userEvent.setup({ applyAccept: false });
      const fetchMock = api(karl, process, {
        "POST /api/v1/processes/7/documents": () => problem(413, "file_too_large", "larger than 20 MB"),
      });
      renderProcess();
      await screen.findByRole("heading", { name: "Prozess verwalten" });
      const input = screen.getByLabelText(/^Datei/);
      await user.upload(input, new File(["hello"], "notiz.txt", { type: "text/plain" }));
      await user.click(screen.getByRole("button", { name: "Hochladen" }));
      expect(input).toHaveAccessibleDescription(expect.stringContaining("Bitte wählen Sie eine PDF- oder Office-Datei."));
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

      await user.upload(input, new File(["%PDF-1.4"], "plan.pdf", { type: "application/pdf" }));
      await user.click(screen.getByRole("button", { name: "Hochladen" }));
      expect(await screen.findByText("Die Datei ist zu groß. Höchstens 20 MB sind möglich.")).toBeInTheDocument();
    });
  });
});

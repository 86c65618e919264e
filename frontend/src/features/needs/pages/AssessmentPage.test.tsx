import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AssessmentPage } from "./AssessmentPage";
import { assessment, catalogue, needsCall } from "../test/fixtures";
import type { Assessment } from "../api/needs";
import { areas, erfurt } from "../../../test/fixtures";
import { FakeWebSocket } from "../../../test/consultations";
import { json, problem, renderWithProviders, fakeApi, type FakeRequest } from "../../../test/render";
import { rita } from "../../../test/people";

function renderPage(shown: Assessment, routes: Record<string, object | ((r: FakeRequest) => Response)> = {}) {
  const fetch = fakeApi({
    "/api/v1/me": rita,
    "/api/v1/assessments/12": shown,
    "/api/v1/calls/5": needsCall(),
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/districts/16051": erfurt,
    "/api/v1/atlas/catalogue": catalogue,
    "/api/v1/assessments/12/attachments": { items: [{ id: 3, file_name: "sozialbericht.pdf", content_type: "application/pdf", size: 2048, uploaded_at: "2026-12-01T10:00:00Z" }] },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/bedarfsanzeigen/:id" element={<AssessmentPage assessmentId={12} />} />
    </Routes>,
    { route: "/bedarfsanzeigen/12", auth: true },
  );
  return fetch;
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("AssessmentPage", () => {
  it("offers a draft's editor and only the steps the server allows", async () => {
    renderPage(assessment({ edit: true, request_release: true, see_versions: false }));
    expect(await screen.findByRole("heading", { level: 2, name: "Bedarfsanzeige bearbeiten" })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Entwurf speichern" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Zur Freigabe vorlegen" })).toBeInTheDocument();
    for (const name of ["Freigeben", "Einreichen", "Zurückziehen", "Mitzeichnen", "Zurückgeben"]) {
      expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
    }
    expect(screen.getByText("Version 2")).toBeInTheDocument();
    expect(screen.getByText("eingereicht von Diakonie Erfurt (Beispiel)")).toBeInTheDocument();
  });

  it("shows a submission read-only, with withdrawing and queries as allowed", async () => {
    renderPage(assessment({ withdraw: true, ask: true }, { status: "submitted" }));
    expect(await screen.findByRole("button", { name: "Zurückziehen" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Entwurf speichern" })).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Rückfrage an den Träger/ })).toBeInTheDocument();
    expect(screen.getByText(/12,50 Prozent/)).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "sozialbericht.pdf" })).toHaveAttribute("href", "/api/v1/assessments/12/attachments/3");
    expect(screen.queryByRole("button", { name: "Anlage hochladen" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Anlage „sozialbericht.pdf“ entfernen/ })).not.toBeInTheDocument();
  });

  it("asks for a reason before sending back, and shows the new state", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderPage(assessment({ release: true, send_back: true }, { status: "release_requested" }), {
      "POST /api/v1/assessments/12/transition": (r) => {
        sent.push(r.body);
        return json(assessment({ request_release: true }, { status: "draft", sent_back: "Bitte Zahlen prüfen" }));
      },
    });
    await user.click(await screen.findByRole("button", { name: "Zurückgeben" }));
    const form = screen.getByRole("textbox", { name: /Begründung/ }).closest("form")!;
    await user.click(within(form).getByRole("button", { name: "Zurückgeben" }));
    expect(within(form).getByText("Bitte füllen Sie dieses Feld aus.")).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.type(screen.getByRole("textbox", { name: /Begründung/ }), "Bitte Zahlen prüfen");
    await user.click(within(form).getByRole("button", { name: "Zurückgeben" }));
    expect(await screen.findByText("Zurückgegeben.")).toBeInTheDocument();
    expect(sent).toEqual([{ action: "send_back", reason: "Bitte Zahlen prüfen" }]);
    expect(screen.getByRole("button", { name: "Zur Freigabe vorlegen" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Freigeben" })).not.toBeInTheDocument();
  });

  it("saves with the version edited and explains a conflict", async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    renderPage(assessment({ edit: true }), {
      "PUT /api/v1/assessments/12": (r) => {
        bodies.push(r.body);
        return problem(409, "stale_version");
      },
    });
    const title = await screen.findByRole("textbox", { name: /^Titel/ });
    await user.clear(title);
    await user.type(title, "Schulsozialarbeit Nord");
    await user.click(screen.getByRole("button", { name: "Entwurf speichern" }));
    expect(await screen.findByText(/Jemand anderes hat diesen Entwurf/)).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ base_version: 2, content: { title: "Schulsozialarbeit Nord", area_ids: [3] } });
    expect(screen.getByRole("button", { name: "Neue Fassung laden" })).toBeInTheDocument();
  });

  it("re-reads on a change in the process's room and says so politely, keeping what is typed", async () => {
    const user = userEvent.setup();
    let current = assessment({ edit: true });
    renderPage(current, { "/api/v1/assessments/12": () => json(current) });
    const title = await screen.findByRole("textbox", { name: /^Titel/ });
    await user.type(title, " (neu)");
    const socket = FakeWebSocket.latest();
    expect(socket.url).toMatch(/room=needs%3A7&since=0$/);
    current = assessment({ edit: true, request_release: true }, { queries: [{ id: 1, question: "Wie viele Plätze?", asker_name: "Karl Koordinator", asked_at: "2026-12-02T09:00:00Z" }] });
    act(() => {
      socket.open();
      socket.onmessage?.(new MessageEvent("message", { data: JSON.stringify({ room: "needs:7", seq: 1, type: "needs.changed", data: { subject: "query", id: 1 } }) }));
    });
    expect(await screen.findByText(/Diese Bedarfsanzeige wurde geändert/)).toBeInTheDocument();
    expect(screen.getByText("Wie viele Plätze?")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Zur Freigabe vorlegen" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /^Titel/ })).toHaveValue("Schulsozialarbeit am Herrenberg (neu)");
  });
});

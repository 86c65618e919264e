import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../identity/api/auth";
import { AuthStatus } from "../../../test/AuthStatus";
import { comment, consultation, FakeWebSocket } from "../../../test/consultations";
import { areas, process } from "../../../test/fixtures";
import { jana, karl, meRoute } from "../../../test/people";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";
import { ModerationRoute } from "./ModerationPage";
import { ModerationLogRoute } from "./ModerationLogPage";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000 - 60_000).toISOString();

function api(me: Me | null, extra: Record<string, unknown> = {}) {
  return fakeApi({
    ...meRoute(me),
    "/api/v1/consultations/1": consultation({ can_moderate: me === karl }),
    "/api/v1/processes/7": process,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/organisations": { items: [{ slug: "awo-erfurt", name: "AWO Erfurt", kind: "provider", description: "" }] },
    "/api/v1/consultations/1/moderation-queue": {
      items: [
        // The actions are the coordinator's, as the server lists them for a pending and a flagged comment.
        comment(5, { author_name: "Rita Rathaus", status: "pending", created_at: hoursAgo(3), body: "Bitte prüfen", flags: 0, actions: ["approve", "reject", "respond"] }),
        comment(6, { author_name: "Arne Awo", created_at: hoursAgo(26), flags: 2, section_id: 12, actions: ["support", "reply", "flag", "respond", "pin", "hide"] }),
      ],
    },
    "/api/v1/consultations/1/moderation-log": {
      items: [{ id: 4, comment_id: 6, action: "hide", reason: "Werbung", at: "2026-11-21T12:00:00Z" }],
      next_cursor: "4",
    },
    ...extra,
  });
}

function renderAt(path: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/consultations/:id/moderation" element={<><ModerationRoute /><AuthStatus /></>} />
      <Route path="/consultations/:id/moderation-log" element={<><ModerationLogRoute /><AuthStatus /></>} />
    </Routes>,
    { route: path, auth: true },
  );
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("ModerationPage", () => {
  it("updates the queue live: new pending comments and flags arrive announced, decided ones leave", async () => {
    const waiting = { consultation_id: 1, status: "pending", pinned: false, supports: 0, flags: 0 };
    const arrived = { ...waiting, id: 7, author_name: "Dora Diakonie", html: "<p>Ganz neu</p>", body: "Ganz neu", created_at: hoursAgo(0) };
    let reads = 0;
    api(karl, {
      "/api/v1/consultations/1/moderation-queue": () => {
        reads += 1;
        const items = [comment(5, { author_name: "Rita Rathaus", status: "pending", created_at: hoursAgo(3), flags: 0, actions: ["approve", "reject", "respond"] })];
        // The server's actions for the comment that arrived live come with the next read.
        if (reads > 1) items.push(comment(7, { ...arrived, status: "pending", actions: ["approve", "reject", "respond"] }));
        return json({ items });
      },
    });
    renderAt("/consultations/1/moderation");
    const queue = await screen.findByRole("region", { name: "Warteschlange" });
    expect(await within(queue).findByText("1 Beitrag wartet auf eine Entscheidung.")).toBeInTheDocument();
    const socket = FakeWebSocket.latest();
    expect(socket.url).toMatch(/room=consultation%3A1&since=40$/);
    act(() => socket.open());
    expect(within(queue).getByText("Live – neue Beiträge erscheinen sofort")).toBeInTheDocument();
    const announcer = queue.querySelector('[aria-live="polite"]')!;

    act(() => socket.emit(41, "comment.queued", arrived));
    expect(within(queue).getByText("2 Beiträge warten auf eine Entscheidung.")).toBeInTheDocument();
    expect(within(queue).getByText("Ganz neu")).toBeInTheDocument();
    expect(announcer).toHaveTextContent("Neuer Beitrag von Dora Diakonie wartet auf Freigabe");
    expect(await within(queue).findByRole("button", { name: "Beitrag von Dora Diakonie freigeben" })).toBeInTheDocument();

    act(() => socket.emit(42, "comment.queued", { ...arrived, id: 5, author_name: "Rita Rathaus", html: "<p>Beitrag 5</p>", body: "Beitrag 5", status: "published", flags: 1, created_at: hoursAgo(3) }));
    expect(announcer).toHaveTextContent("Neue Meldung zum Beitrag von Rita Rathaus");
    expect(within(queue).getByText("1 Meldung")).toBeInTheDocument();
    await waitFor(() => expect(reads).toBe(3));

    act(() => socket.emit(43, "comment.dequeued", { id: 7 }));
    expect(within(queue).queryByText("Ganz neu")).not.toBeInTheDocument();
    expect(within(queue).getByText("1 Beitrag wartet auf eine Entscheidung.")).toBeInTheDocument();

    act(() => socket.drop(4403));
    expect(within(queue).getByText(/Live-Aktualisierung beendet, weil sich Ihr Zugang geändert hat/)).toBeInTheDocument();
  });

  it("shows the queue oldest first with each item's age, and decides", async () => {
    const decisions: unknown[] = [];
    api(karl, {
      "POST /api/v1/comments/5/moderation": ({ body }: FakeRequest) => {
        decisions.push(body);
        return json(comment(5, { status: "rejected", reason: "Beleidigend" }));
      },
      "POST /api/v1/comments/6/moderation": ({ body }: FakeRequest) => {
        decisions.push(body);
        return json(comment(6, { status: "published" }));
      },
    });
    const user = userEvent.setup();
    renderAt("/consultations/1/moderation");
    expect(await screen.findByRole("heading", { level: 1, name: "Moderation: Entwurf des Sozialplans Erfurt (Beispiel)" })).toBeInTheDocument();
    const queue = screen.getByRole("region", { name: "Warteschlange" });
    expect(await within(queue).findByText("2 Beiträge warten auf eine Entscheidung.")).toBeInTheDocument();
    const [first, second] = within(queue).getAllByRole("article");
    expect(within(first!).getByText("eingegangen vor 3 Stunden")).toBeInTheDocument();
    expect(within(first!).getByText("Wartet auf Freigabe")).toBeInTheDocument();
    expect(within(second!).getByText("eingegangen gestern")).toBeInTheDocument();
    expect(within(second!).getByText("2 Meldungen")).toBeInTheDocument();

    await user.click(within(first!).getByRole("button", { name: "Beitrag von Rita Rathaus ablehnen" }));
    const reason = within(first!).getByRole("textbox", { name: "Begründung der Ablehnung" });
    expect(reason).toHaveFocus();
    await user.click(within(first!).getByRole("button", { name: "Ablehnen" }));
    expect(within(first!).getByText("Bitte geben Sie eine Begründung an (höchstens 500 Zeichen).")).toBeInTheDocument();
    await user.type(reason, "Beleidigend");
    await user.click(within(first!).getByRole("button", { name: "Ablehnen" }));
    expect(await within(queue).findByText("1 Beitrag wartet auf eine Entscheidung.")).toHaveFocus();
    expect(within(queue).getByText("Der Beitrag ist abgelehnt.")).toBeInTheDocument();

    await user.click(within(queue).getByRole("button", { name: "Beitrag von Arne Awo anheften" }));
    await waitFor(() => expect(within(queue).getByText("Kein Beitrag wartet auf eine Entscheidung.")).toBeInTheDocument());
    expect(decisions).toEqual([{ action: "reject", reason: "Beleidigend" }, { action: "pin" }]);

    const exports = screen.getByRole("region", { name: "Bericht herunterladen" });
    expect(within(exports).getByRole("link", { name: "Alle Beiträge als CSV-Datei" })).toHaveAttribute("href", "/api/v1/consultations/1/export?format=csv");
    expect(within(exports).getByRole("link", { name: "Alle Beiträge als Excel-Datei (XLSX)" })).toHaveAttribute("href", "/api/v1/consultations/1/export?format=xlsx");
  });

  it("changes the settings, switching to pre-moderation", async () => {
    let sent: unknown;
    api(karl, {
      "PATCH /api/v1/consultations/1": ({ body }: FakeRequest) => {
        sent = body;
        return json(consultation({ moderation: "pre", can_moderate: true }));
      },
    });
    const user = userEvent.setup();
    renderAt("/consultations/1/moderation");
    await user.click(await screen.findByRole("button", { name: "Einstellungen der Beteiligung bearbeiten" }));
    expect(screen.getByText(/Kommentare bleiben bei ihrem Abschnitt/)).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: /Vorab: Beiträge erscheinen erst nach Freigabe/ }));
    await user.click(screen.getByRole("button", { name: "Einstellungen speichern" }));
    expect(await screen.findByText("Die Einstellungen sind gespeichert.")).toBeInTheDocument();
    expect(sent).toMatchObject({ moderation: "pre", title: "Entwurf des Sozialplans Erfurt (Beispiel)", sections: [{ heading: "Ausgangslage" }, { heading: "Ziele" }] });
  });

  it("is closed to another district's coordinator", async () => {
    api(jana);
    renderAt("/consultations/1/moderation");
    expect(await screen.findByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Warteschlange" })).not.toBeInTheDocument();
  });
});

describe("ModerationLogPage", () => {
  it("lists the decisions for everyone, without names, page by page", async () => {
    api(null, {
      "/api/v1/consultations/1/moderation-log": ({ url }: FakeRequest) =>
        url.searchParams.get("cursor") === "4"
          ? json({ items: [{ id: 3, comment_id: 5, action: "approve", reason: "", at: "2026-11-21T11:00:00Z" }] })
          : json({ items: [{ id: 4, comment_id: 6, action: "hide", reason: "Werbung", at: "2026-11-21T12:00:00Z" }], next_cursor: "4" }),
    });
    const user = userEvent.setup();
    renderAt("/consultations/1/moderation-log");
    const table = await screen.findByRole("table", { name: "Entscheidungen der Moderation, die neuesten zuerst" });
    expect(within(table).getByRole("cell", { name: "Ausgeblendet" })).toBeInTheDocument();
    expect(within(table).getByRole("cell", { name: "Werbung" })).toBeInTheDocument();
    expect(within(table).getByRole("cell", { name: "Nr. 6" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Weitere laden" }));
    expect(await within(table).findByRole("cell", { name: "Freigegeben" })).toBeInTheDocument();
    expect(screen.getByText(/2 Entscheidungen angezeigt\. Alle sind geladen\./)).toHaveFocus();
  });
});

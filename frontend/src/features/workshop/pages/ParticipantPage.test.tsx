import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ParticipantPage } from "./ParticipantPage";
import { question, session } from "../test/fixtures";
import { FakeWebSocket } from "../../../test/consultations";
import { fakeApi, renderWithProviders } from "../../../test/render";

function emit(seq: number, type: string, data: unknown) {
  act(() => FakeWebSocket.latest().onmessage?.(new MessageEvent("message", { data: JSON.stringify({ room: "workshop:3", seq, type, data }) })));
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("ParticipantPage", () => {
  it("follows the room from live_seq, announces politely and keeps what is typed", async () => {
    const user = userEvent.setup();
    fakeApi({ "/api/v1/workshops/3/session": session() });
    renderWithProviders(<ParticipantPage workshopId={3} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Werkstatt Herrenberg (Beispiel)" })).toBeInTheDocument();
    expect(FakeWebSocket.latest().url).toContain("room=workshop%3A3&since=10");
    await user.type(screen.getByRole("textbox", { name: "Ihre Frage" }), "Wann kommt der Spielplatz?");
    emit(11, "question.changed", question(45, { text: "Gibt es Parkplätze?" }));
    expect(await screen.findByText("Gibt es Parkplätze?")).toBeInTheDocument();
    expect(screen.getByText("Neue Frage")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Ihre Frage" })).toHaveValue("Wann kommt der Spielplatz?");
    expect(screen.getByRole("button", { name: "Antwort abgeben" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Karte anheften" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Chat" })).toBeInTheDocument();
  });
});

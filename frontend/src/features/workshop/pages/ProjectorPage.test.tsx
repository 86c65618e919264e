import { act, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ProjectorPage } from "./ProjectorPage";
import { pollModule, session, workshop } from "../test/fixtures";
import { FakeWebSocket } from "../../../test/consultations";
import { fakeApi, renderWithProviders } from "../../../test/render";

function emit(seq: number, type: string, data: unknown) {
  act(() => FakeWebSocket.latest().onmessage?.(new MessageEvent("message", { data: JSON.stringify({ room: "workshop:3", seq, type, data }) })));
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("ProjectorPage", () => {
  it("shows the join code, then what the facilitators put on it, with live results", async () => {
    fakeApi({ "/api/v1/workshops/3/session": session({ project: true }) });
    renderWithProviders(<ProjectorPage workshopId={3} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Werkstatt Herrenberg (Beispiel)" })).toBeInTheDocument();
    expect(screen.getByText("K7Q2")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^QR-Code zum Mitmachen: http.*\/w\/K7Q2$/ })).toBeInTheDocument();

    emit(11, "workshop.changed", workshop({ project: true }, { projector: { kind: "module", id: pollModule.id } }));
    expect(screen.getByRole("heading", { level: 2, name: "Was ist am wichtigsten?" })).toBeInTheDocument();
    emit(12, "results.changed", { module_id: pollModule.id, answers: 3, options: [0, 2, 1] });
    expect(screen.getByText("3 Antworten")).toBeInTheDocument();
    const row = screen.getByText("Jugendtreff").closest("li");
    expect(row).toHaveTextContent("Jugendtreff2");
    expect(screen.queryByText("K7Q2")).not.toBeInTheDocument();
  });
});

import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConsolePage } from "./ConsolePage";
import { question, questionsModule, session } from "../test/fixtures";
import { FakeWebSocket } from "../../../test/consultations";
import { fakeApi, json, renderWithProviders, type FakeRequest } from "../../../test/render";

function emit(seq: number, type: string, data: unknown) {
  act(() => FakeWebSocket.latest().onmessage?.(new MessageEvent("message", { data: JSON.stringify({ room: "workshop:3", seq, type, data }) })));
}

const presence = { connected: 4, joined: 5, guests: 3, logged_in: 2, by_org: [] };

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("ConsolePage", () => {
  it("moderates the queue, follows the room and offers only the status steps the server allows", async () => {
    const user = userEvent.setup();
    const pending = question(43, { state: "pending", text: "Wer entscheidet das?" });
    const moderated: FakeRequest[] = [];
    const start = session({ facilitate: true });
    start.modules = start.modules.map((m) => (m.module.id === questionsModule.id ? { ...m, questions: [...(m.questions ?? []), pending] } : m));
    fakeApi({
      "/api/v1/workshops/3/session": start,
      "/api/v1/workshops/3/presence": presence,
      "/api/v1/workshops/3/decisions": { items: [] },
      "POST /api/v1/workshop-questions/43/moderation": (r) => {
        moderated.push(r);
        return json({ ...pending, state: "visible" });
      },
    });
    renderWithProviders(<ConsolePage workshopId={3} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Moderation" })).toBeInTheDocument();
    expect(FakeWebSocket.latest().url).toContain("room=workshop%3A3&since=10");
    expect(await screen.findByText(/^4 verbunden, 5 beigetreten/)).toBeInTheDocument();
    // The server sent actions ["end"]: no "Starten" while it is live.
    const agenda = screen.getByRole("region", { name: "Ablauf" });
    expect(within(agenda).getByRole("button", { name: "Beenden" })).toBeInTheDocument();
    expect(within(agenda).queryByRole("button", { name: "Starten" })).not.toBeInTheDocument();

    const questions = screen.getByRole("region", { name: "Ihre Fragen" });
    expect(within(questions).getByRole("heading", { name: "Warteschlange (1 Frage)" })).toBeInTheDocument();
    await user.click(within(questions).getByRole("button", { name: "Frage freigeben: Wer entscheidet das?" }));
    expect(moderated.map((r) => r.body)).toEqual([{ action: "approve" }]);
    expect(await within(questions).findByRole("heading", { name: "Warteschlange (0 Fragen)" })).toBeInTheDocument();

    // A new question from the room waits in the queue and is announced, politely.
    emit(11, "question.changed", question(44, { state: "pending", text: "Gibt es Parkplätze?" }));
    expect(within(questions).getByRole("heading", { name: "Warteschlange (1 Frage)" })).toBeInTheDocument();
    expect(within(questions).getByRole("button", { name: "Frage freigeben: Gibt es Parkplätze?" })).toBeInTheDocument();
    expect(screen.getByText("Neue Frage wartet auf Freigabe").closest("[aria-live]")).toHaveAttribute("aria-live", "polite");
  });

  it("offers a question to a Träger chosen by name from the district's providers, loaded only then", async () => {
    const user = userEvent.setup();
    const sent: FakeRequest[] = [];
    const org = (slug: string, name: string, kind: string, district_key?: string) => ({ slug, name, kind, description: "", ...(district_key ? { district_key } : {}) });
    const fetchMock = fakeApi({
      "/api/v1/workshops/3/session": session({ facilitate: true, hand_off: true }),
      "/api/v1/workshops/3/presence": presence,
      "/api/v1/workshops/3/decisions": { items: [] },
      "/api/v1/processes/7/consultations": { items: [] },
      "/api/v1/processes/7/calls": { items: [{ id: 5, title: "Aufruf Jugendhilfe 2027", open: true }] },
      "/api/v1/organisations": {
        items: [
          org("awo-erfurt", "AWO Erfurt", "provider", "16051"),
          org("diakonie-weimar", "Diakonie Weimar", "provider", "16055"),
          org("liga-thueringen", "LIGA Thüringen", "umbrella"),
          org("paritaet", "Paritätischer Wohlfahrtsverband", "provider"),
        ],
      },
      "POST /api/v1/workshops/3/handoffs": (r) => {
        sent.push(r);
        return json({ id: 1, workshop_id: 3, subject: "question:41", target: "needs", org: "awo-erfurt", call_id: 5, status: "offered", created_at: "2026-12-01T18:00:00Z" }, 201);
      },
    });
    const orgRequests = () => fetchMock.mock.calls.filter(([input]) => String(input).includes("/organisations")).length;
    renderWithProviders(<ConsolePage workshopId={3} />);
    const questions = await screen.findByRole("region", { name: "Ihre Fragen" });
    const item = within(questions).getByRole("button", { name: "Hervorheben: Frage 41?" }).closest("li")!;
    await user.click(within(item).getByText("An die Planung übergeben"));
    const form = await within(item).findByRole("form", { name: "An die Planung übergeben" });
    expect(orgRequests()).toBe(0);

    await user.click(within(form).getByLabelText("Einem Träger als Entwurf einer Bedarfsanzeige anbieten"));
    const choice = within(form).getByRole("combobox", { name: "Träger" });
    expect(await within(choice).findByRole("option", { name: "AWO Erfurt" })).toBeInTheDocument();
    expect(orgRequests()).toBe(1);
    // Providers of Erfurt and those of no district; not Weimar's, not an umbrella.
    expect(within(choice).getAllByRole("option").map((o) => o.textContent)).toEqual(["Bitte wählen", "AWO Erfurt", "Paritätischer Wohlfahrtsverband"]);
    expect(within(form).queryByRole("textbox")).not.toBeInTheDocument();

    await user.selectOptions(choice, "AWO Erfurt");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Aufruf" }), "Aufruf Jugendhilfe 2027");
    await user.click(within(form).getByRole("button", { name: "Übergeben" }));
    expect(sent.map((r) => r.body)).toEqual([{ subject: "question:41", target: "needs", org: "awo-erfurt", call_id: 5 }]);
    expect(await within(form).findByText("Dem Träger angeboten.")).toBeInTheDocument();
  });

  it("is the facilitators' only", async () => {
    fakeApi({ "/api/v1/workshops/3/session": session({ participate: true }) });
    renderWithProviders(<ConsolePage workshopId={3} />);
    expect(await screen.findByText("Die Moderation ist den Moderierenden vorbehalten.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Beenden" })).not.toBeInTheDocument();
  });
});

import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../identity/api/auth";
import type { Comment, CommentAction, Consultation } from "../api/consultations";
import { AuthStatus } from "../../../test/AuthStatus";
import { comment, consultation, FakeWebSocket } from "../../../test/consultations";
import { areas, erfurt, process } from "../../../test/fixtures";
import { jana, karl, meRoute, rita } from "../../../test/people";
import { fakeApi, json, problem, renderWithProviders, type FakeRequest } from "../../../test/render";
import { ConsultationRoute } from "./ConsultationPage";

const listing: Comment[] = [
  comment(3, { author_name: "Dora Diakonie", section_id: 12, supports: 2, replies: 1 }),
  comment(2, { author_name: "Arne Awo", response: { comment_id: 2, html: "<p>Wir prüfen das.</p>", created_at: "2026-11-21T11:00:00Z" } }),
  comment(1, { author_name: "Rita Rathaus", section_id: 11 }),
];

/** What the server lists for a logged-in resident, and for the district's coordinator, on others' published comments. */
const resident: CommentAction[] = ["support", "reply", "flag"];
const coordinator: CommentAction[] = [...resident, "respond", "pin", "hide"];

/**
 * The fake API of a consultation page; every listed comment carries `actions`, the reader's
 * actions on it as the server would send them (none for anonymous readers).
 */
function api(me: Me | null, shown: Consultation = consultation(), extra: Record<string, unknown> = {}, actions: CommentAction[] = []) {
  const withActions = (items: Comment[]) => json({ items: items.map((c) => ({ ...c, actions })) });
  return fakeApi({
    ...meRoute(me),
    "/api/v1/consultations/1": shown,
    "/api/v1/processes/7": process,
    "/api/v1/districts/16051": erfurt,
    "/api/v1/districts/16051/social-areas": { items: areas },
    "/api/v1/consultations/1/comments": ({ url }: FakeRequest) => {
      const section = url.searchParams.get("section");
      const parent = url.searchParams.get("parent");
      const inSection = listing.filter((c) => String(c.section_id ?? 0) === section);
      if (parent === "3") return withActions([comment(30, { parent_id: 3, author_name: "Rita Rathaus" })]);
      if (url.searchParams.get("limit") === "100") return withActions(inSection);
      const page = { items: (section === null ? listing : inSection).map((c) => ({ ...c, actions })), next_cursor: "0.1" };
      return json(page);
    },
    ...extra,
  });
}

function renderConsultation(language: "de" | "en" = "de") {
  return renderWithProviders(
    <Routes>
      <Route
        path="/consultations/:id"
        element={
          <>
            <ConsultationRoute />
            <AuthStatus />
          </>
        }
      />
    </Routes>,
    { route: "/consultations/1", language, auth: true },
  );
}

async function ready(status: "authenticated" | "anonymous") {
  await waitFor(() => expect(screen.getByTestId("auth-status")).toHaveTextContent(status));
  await screen.findByText("Beitrag 3");
}

function article(author: string): HTMLElement {
  return screen.getAllByRole("article").find((a) => a.getAttribute("aria-labelledby") && within(a).queryAllByText(author).length > 0)!;
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeWebSocket);
});

describe("ConsultationPage", () => {
  it("shows the plan, the window with the time left and the comments to anonymous readers, read-only", async () => {
    api(null);
    renderConsultation();
    expect(await screen.findByRole("heading", { level: 1, name: "Entwurf des Sozialplans Erfurt (Beispiel)" })).toBeInTheDocument();
    await ready("anonymous");
    expect(screen.getByText("noch 3 Tage 4 Stunden")).toBeInTheDocument();
    expect(screen.getByText("Offen für Beiträge")).toBeInTheDocument();
    expect(screen.getByText("Alle, die angemeldet sind")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Zurück zu „Integrierte Sozialplanung Erfurt (Beispiel)“" })).toHaveAttribute("href", "/processes/7");

    const plan = screen.getByRole("region", { name: "Der Planentwurf" });
    expect(within(plan).getByRole("heading", { level: 3, name: "Ziele" })).toBeInTheDocument();
    expect(await within(plan).findByRole("button", { name: "1 Kommentar zu „Ziele“ anzeigen" })).toBeInTheDocument();

    expect(screen.getByText("Um einen Beitrag zu schreiben, melden Sie sich bitte an.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /unterstützen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Antworten$/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /melden$/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /moderieren/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Moderation" })).not.toBeInTheDocument();
    expect(screen.getByText("Wir prüfen das.")).toBeInTheDocument();
    expect(screen.getByText("Stellungnahme der Verwaltung")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Weitere laden" })).toBeInTheDocument();

    expect(FakeWebSocket.latest().url).toMatch(/\/api\/v1\/live\?room=consultation%3A1&since=40$/);
    expect(screen.getByText("Verbindung wird aufgebaut")).toBeInTheDocument();
    act(() => FakeWebSocket.latest().open());
    expect(screen.getByText("Live – neue Beiträge erscheinen sofort")).toBeInTheDocument();
  });

  it("shows the first page the consultation came with, without asking for it again", async () => {
    const first = { items: [comment(90, { author_name: "Paula Vorab", html: "<p>Mitgeliefert</p>" })].map((c) => ({ ...c, actions: [] })) };
    const fetchMock = api(null, consultation({ first_page: first }));
    renderConsultation();
    expect(await screen.findByText("Mitgeliefert")).toBeInTheDocument();
    expect(screen.getByText("1 Beitrag angezeigt.", { exact: false })).toBeInTheDocument();
    const listings = fetchMock.mock.calls
      .map(([input]) => new URL(String(input), "http://localhost"))
      .filter((u) => u.pathname === "/api/v1/consultations/1/comments" && u.searchParams.get("limit") !== "100");
    expect(listings).toEqual([]);
  });

  it("shows comments, supports, responses and removals as they arrive, announcing them politely", async () => {
    api(null);
    renderConsultation();
    await ready("anonymous");
    const socket = FakeWebSocket.latest();
    act(() => socket.open());
    const announcer = document.querySelector('[aria-live="polite"].live-announcer')!;
    expect(announcer).toBeEmptyDOMElement();

    const live = { consultation_id: 1, status: "published", pinned: false, supports: 0, created_at: "2026-11-21T12:00:00Z" };
    act(() => socket.emit(41, "comment.created", { ...live, id: 9, author_name: "Dora Diakonie", html: "<p>Ganz neu</p>" }));
    const items = screen.getAllByRole("listitem").filter((li) => li.querySelector("article"));
    expect(within(items[0]!).getByText("Ganz neu")).toBeInTheDocument();
    expect(announcer).toHaveTextContent("Neuer Beitrag von Dora Diakonie");
    expect(document.activeElement).toBe(document.body);

    act(() => socket.emit(42, "comment.supports", { id: 3, supports: 5 }));
    expect(within(screen.getByText("Beitrag 3").closest("article")!).getByText("5 Unterstützungen")).toBeInTheDocument();

    act(() => socket.emit(43, "response.created", { comment_id: 1, html: "<p>Die Finanzierung steht.</p>", created_at: "2026-11-21T12:05:00Z" }));
    expect(screen.getByText("Die Finanzierung steht.")).toBeInTheDocument();
    expect(announcer).toHaveTextContent("Neue Stellungnahme der Verwaltung zum Beitrag von Rita Rathaus");

    act(() => socket.emit(44, "comment.removed", { id: 2 }));
    expect(screen.queryByText("Beitrag 2")).not.toBeInTheDocument();
    // A replayed or older event changes nothing.
    act(() => socket.emit(43, "comment.created", { ...live, id: 77, author_name: "X", html: "<p>alt</p>" }));
    expect(screen.queryByText("alt")).not.toBeInTheDocument();
  });

  it("lets Rita write, see her own comment with edit time and withdraw, and support others", async () => {
    const written = Date.now();
    const posted = comment(10, {
      author_name: "Rita Rathaus",
      is_own: true,
      body: "Mein Beitrag",
      html: "<p>Mein Beitrag</p>",
      created_at: new Date(written).toISOString(),
      editable_until: new Date(written + 15 * 60_000).toISOString(),
      actions: ["reply", "edit", "withdraw"],
      section_id: 12,
    });
    const withdrawn: Comment = { ...posted, status: "withdrawn", html: "", actions: ["reply"] };
    delete withdrawn.editable_until;
    const sent: unknown[] = [];
    api(rita, consultation({ can_comment: true }), {
      "POST /api/v1/consultations/1/comments": ({ body }: FakeRequest) => {
        sent.push(body);
        return json(posted, 201);
      },
      "PUT /api/v1/comments/3/support": () => json({ ...listing[0], supports: 3, supported: true, actions: resident }),
      "POST /api/v1/comments/10/withdraw": () => json(withdrawn),
    }, resident);
    const user = userEvent.setup();
    renderConsultation();
    await ready("authenticated");

    await user.click(screen.getByRole("button", { name: "Abschnitt „Ziele“ kommentieren" }));
    const field = screen.getByRole("textbox", { name: "Ihr Beitrag" });
    expect(field).toHaveFocus();
    expect(screen.getByRole("combobox", { name: "Ihr Beitrag bezieht sich auf" })).toHaveValue("12");
    await user.type(field, "Mein Beitrag");
    expect(screen.getByText("12 von 5000 Zeichen")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Beitrag veröffentlichen" }));
    expect(await screen.findByText("Ihr Beitrag ist veröffentlicht.")).toBeInTheDocument();
    expect(sent).toEqual([{ body: "Mein Beitrag", section_id: 12 }]);
    expect(field).toHaveValue("");

    const own = article("Rita Rathaus");
    expect(within(own).getByText("Mein Beitrag")).toBeInTheDocument();
    expect(within(own).getByText("Ihr Beitrag")).toBeInTheDocument();
    expect(within(own).getByRole("button", { name: "Bearbeiten (noch 15 Minuten)" })).toBeInTheDocument();
    expect(within(own).queryByRole("button", { name: /unterstützen/ })).not.toBeInTheDocument();
    expect(within(own).queryByRole("button", { name: /melden/ })).not.toBeInTheDocument();

    const support = within(article("Dora Diakonie")).getByRole("button", { name: "Beitrag von Dora Diakonie unterstützen" });
    expect(support).toHaveAttribute("aria-pressed", "false");
    await user.click(support);
    await waitFor(() => expect(support).toHaveAttribute("aria-pressed", "true"));
    expect(within(article("Dora Diakonie")).getByText("3 Unterstützungen")).toBeInTheDocument();

    await user.click(within(own).getByRole("button", { name: "Zurückziehen" }));
    await user.click(within(own).getByRole("button", { name: "Ja, zurückziehen" }));
    expect(await within(own).findByText(/Zurückgezogen: Dieser Beitrag/)).toBeInTheDocument();
    expect(within(own).queryByRole("button", { name: /Bearbeiten/ })).not.toBeInTheDocument();
    expect(own).toHaveFocus();
  });

  it("loads replies on demand and flags with a reason", async () => {
    const flags: unknown[] = [];
    api(rita, consultation({ can_comment: true }), {
      "POST /api/v1/comments/3/flags": ({ body }: FakeRequest) => {
        flags.push(body);
        return new Response(null, { status: 204 });
      },
    }, resident);
    const user = userEvent.setup();
    renderConsultation();
    await ready("authenticated");
    const dora = article("Dora Diakonie");
    const toggle = within(dora).getByRole("button", { name: "1 Antwort anzeigen" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(await within(dora).findByText("Beitrag 30")).toBeInTheDocument();
    expect(within(dora).getByRole("button", { name: "Antworten ausblenden" })).toHaveAttribute("aria-expanded", "true");

    const flag = within(dora).getByRole("button", { name: "Beitrag von Dora Diakonie melden" });
    await user.click(flag);
    const reason = within(dora).getByRole("textbox", { name: "Warum melden Sie diesen Beitrag?" });
    expect(reason).toHaveFocus();
    await user.click(within(dora).getByRole("button", { name: "Meldung absenden" }));
    expect(within(dora).getByText("Bitte nennen Sie einen Grund (höchstens 500 Zeichen).")).toBeInTheDocument();
    await user.type(reason, "Werbung");
    await user.click(within(dora).getByRole("button", { name: "Meldung absenden" }));
    expect(await within(dora).findByText("Danke. Die Moderation prüft den Beitrag.")).toBeInTheDocument();
    expect(flags).toEqual([{ reason: "Werbung" }]);
    expect(flag).toHaveFocus();
  });

  it("offers the district's coordinator moderation in the thread and a link to the moderation page", async () => {
    api(karl, consultation({ can_comment: true, can_moderate: true }), {
      "POST /api/v1/comments/3/moderation": ({ body }: FakeRequest) => {
        expect(body).toEqual({ action: "hide", reason: "Werbung" });
        return json({ ...listing[0], status: "hidden", reason: "Werbung", flags: 0, actions: ["approve", "respond"] });
      },
    }, coordinator);
    const user = userEvent.setup();
    renderConsultation();
    await ready("authenticated");
    expect(screen.getByRole("link", { name: "Moderation" })).toHaveAttribute("href", "/consultations/1/moderation");
    const dora = article("Dora Diakonie");
    await user.click(within(dora).getByRole("button", { name: "Beitrag von Dora Diakonie moderieren" }));
    expect(within(dora).getByRole("button", { name: "Stellungnahme verfassen zum Beitrag von Dora Diakonie" })).toBeInTheDocument();
    await user.click(within(dora).getByRole("button", { name: "Beitrag von Dora Diakonie ausblenden" }));
    await user.type(within(dora).getByRole("textbox", { name: "Begründung des Ausblendens" }), "Werbung");
    await user.click(within(dora).getByRole("button", { name: "Ausblenden" }));
    expect(await within(dora).findByText("Der Beitrag ist ausgeblendet.")).toBeInTheDocument();
    expect(within(dora).getByText("Ausgeblendet")).toBeInTheDocument();
    expect(within(dora).getByText("Begründung der Moderation: Werbung")).toBeInTheDocument();
  });

  it("gives another district's coordinator no moderation controls", async () => {
    api(jana, consultation({ can_comment: true, can_moderate: false }), {}, resident);
    renderConsultation();
    await ready("authenticated");
    expect(screen.queryByRole("link", { name: "Moderation" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /moderieren/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: /unterstützen/ }).length).toBeGreaterThan(0);
  });

  it("offers on a comment that arrives live what the consultation's live_comment_actions allow", async () => {
    api(rita, consultation({ can_comment: true, live_comment_actions: { published: ["support", "reply"], withdrawn: ["reply"] } }), {}, resident);
    renderConsultation();
    await ready("authenticated");
    const live = { consultation_id: 1, status: "published", pinned: false, supports: 0, created_at: "2026-11-21T12:00:00Z" };
    act(() => FakeWebSocket.latest().emit(41, "comment.created", { ...live, id: 9, author_name: "Dora Diakonie", html: "<p>Ganz neu</p>" }));
    const fresh = screen.getByText("Ganz neu").closest("article")!;
    expect(within(fresh).getByRole("button", { name: "Beitrag von Dora Diakonie unterstützen" })).toBeInTheDocument();
    expect(within(fresh).queryByRole("button", { name: /melden$/ })).not.toBeInTheDocument();
    expect(within(fresh).queryByText("Ihr Beitrag")).not.toBeInTheDocument();
  });

  it("explains who may write when the reader is not in the audience", async () => {
    api(rita, consultation({ audience: "providers", can_comment: false }));
    renderConsultation();
    await ready("authenticated");
    expect(screen.getByText("An dieser Beteiligung können nur freie Träger mitschreiben. Lesen können alle.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Ihr Beitrag" })).not.toBeInTheDocument();
  });

  it("is read-only once closed", async () => {
    const past = Date.now() - 86_400_000;
    api(rita, consultation({ state: "closed", closes_at: new Date(past).toISOString(), opens_at: new Date(past - 86_400_000).toISOString() }));
    renderConsultation();
    await ready("authenticated");
    expect(screen.getByText("beendet")).toBeInTheDocument();
    expect(screen.getByText("Beendet")).toBeInTheDocument();
    expect(screen.getByText(/Die Beteiligung ist beendet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /kommentieren/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /unterstützen/ })).not.toBeInTheDocument();
  });

  it("keeps the list still when sorted by support: new comments wait behind a button", async () => {
    const fetchMock = api(null);
    const user = userEvent.setup();
    renderConsultation();
    await ready("anonymous");
    await user.selectOptions(screen.getByRole("combobox", { name: "Reihenfolge" }), "supported");
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith("/api/v1/consultations/1/comments?sort=supported", expect.anything()));
    await screen.findByText("Beitrag 3");
    const live = { consultation_id: 1, status: "published", pinned: false, supports: 0, created_at: "2026-11-21T12:00:00Z" };
    act(() => FakeWebSocket.latest().emit(41, "comment.created", { ...live, id: 9, author_name: "Dora Diakonie", html: "<p>Ganz neu</p>" }));
    expect(screen.queryByText("Ganz neu")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "1 neuen Beitrag anzeigen" }));
    expect(screen.getByText("3 Beiträge angezeigt.")).toHaveFocus();
    await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => url === "/api/v1/consultations/1/comments?sort=supported")).toHaveLength(2));
  });

  it("asks for a reload when the consultation opened after the page was loaded", async () => {
    api(rita, consultation({ state: "upcoming", can_comment: false }));
    renderConsultation();
    await ready("authenticated");
    expect(screen.getByText("Die Beteiligung hat begonnen. Laden Sie die Seite neu, um mitzuschreiben.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Seite neu laden" })).toBeInTheDocument();
  });

  it("speaks English", async () => {
    api(null);
    renderConsultation("en");
    await screen.findByText("Beitrag 3");
    expect(screen.getByText("3 days 4 hours left")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "The draft plan" })).toBeInTheDocument();
    expect(screen.getByText("Official response of the administration")).toBeInTheDocument();
  });

  it("says when the consultation does not exist", async () => {
    api(null, consultation(), { "/api/v1/consultations/1": () => problem(404, "consultation_not_found") });
    renderConsultation();
    expect(await screen.findByRole("heading", { level: 1, name: "Beteiligung nicht gefunden" })).toBeInTheDocument();
  });
});

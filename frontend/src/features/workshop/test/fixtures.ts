import type { BoardCard, ModuleHead, Workshop, WorkshopCapabilities, WorkshopQuestion, WorkshopSession } from "../api/workshops";

const none: WorkshopCapabilities = { facilitate: false, join: false, join_as_guest: false, participate: false, project: false, hand_off: false };

/** A live workshop of Erfurt's process 7 with a two-item agenda, the first under way. */
export function workshop(caps: Partial<WorkshopCapabilities> = {}, rest: Partial<Workshop> = {}): Workshop {
  return {
    id: 3,
    process_id: 7,
    district_key: "16051",
    title: "Werkstatt Herrenberg (Beispiel)",
    description: "",
    starts_at: "2026-12-01T17:00:00Z",
    place: "Schule am Berg",
    online_url: "",
    area_ids: [3],
    guests: true,
    join_code: "K7Q2",
    premoderate: true,
    chat: true,
    slow_seconds: 30,
    status: "live",
    agenda: [
      { id: 21, position: 0, title: "Begrüßung", minutes: 10 },
      { id: 22, position: 1, title: "Spielplätze", minutes: 30 },
    ],
    current_item_id: 21,
    item_started_at: "2026-12-01T17:00:00Z",
    projector: { kind: "join" },
    facilitators: [{ id: 3, name: "Karl Koordinator" }],
    minutes_published: false,
    capabilities: { ...none, ...caps },
    actions: caps.facilitate ? ["end"] : [],
    ...rest,
  };
}

export function question(id: number, rest: Partial<WorkshopQuestion> = {}): WorkshopQuestion {
  return { id, module_id: 31, author_name: "Gast 1", text: `Frage ${id}?`, state: "visible", votes: 0, highlighted: false, created_at: `2026-12-01T17:0${id % 10}:00Z`, ...rest };
}

export function card(id: number, rest: Partial<BoardCard> = {}): BoardCard {
  return { id, module_id: 33, column: 0, text: `Idee ${id}`, state: "visible", dots: 0, created_at: "2026-12-01T17:10:00Z", ...rest };
}

export const questionsModule: ModuleHead = { id: 31, kind: "questions", title: "Ihre Fragen", state: "open", position: 0, agenda_item_id: 21 };
export const pollModule: ModuleHead = {
  id: 32,
  kind: "poll",
  title: "Was ist am wichtigsten?",
  state: "open",
  position: 1,
  poll: { kind: "single", options: ["Spielplatz", "Jugendtreff", "Beratung"], results_live: true },
};
export const boardModule: ModuleHead = { id: 33, kind: "board", title: "Ideen", state: "open", position: 2, board: { columns: ["Gut", "Fehlt"], dots: 3, voting: true } };

/** A session with one module of each kind. */
export function session(caps: Partial<WorkshopCapabilities> = { participate: true }, rest: Partial<WorkshopSession> = {}): WorkshopSession {
  return {
    workshop: workshop(caps),
    me: { id: 9, name: "Gast 9", guest: true },
    modules: [
      { module: boardModule, cards: [card(51), card(52, { column: 1 })], themes: [], my_dots: [] },
      { module: questionsModule, questions: [question(41, { votes: 2 }), question(42)], my_votes: [] },
      { module: pollModule },
    ],
    chat: [{ id: 61, author_name: "Gast 1", text: "Hallo", hidden: false, created_at: "2026-12-01T17:01:00Z" }],
    live_seq: 10,
    ...rest,
  };
}

import type {
  BoardCard,
  BoardTheme,
  ChatMessage,
  DotPlacement,
  ModuleHead,
  ModuleView,
  PollAnswer,
  PollResults,
  Workshop,
  WorkshopQuestion,
  WorkshopSession,
} from "../api/workshops";
import type { WorkshopEvent } from "../api/live";

/**
 * What a page shows of a workshop's session: the snapshot of GET /session with the room's frames
 * applied since. Only server state lives here; what someone is typing stays in the forms' own
 * state, so neither a frame nor a fresh snapshot ever overwrites it.
 */
export interface SessionState {
  workshop: Workshop;
  me: WorkshopSession["me"];
  /** By position. */
  modules: ModuleView[];
  chat: ChatMessage[];
  /** The last frame applied (the snapshot's live_seq at first). */
  seq: number;
  /** A session.reset arrived: the page loads the session again and starts anew from it. */
  stale: boolean;
}

/** What changes the state: a snapshot, a frame of the room, or the answer to one's own request. */
export type SessionAction =
  | { type: "snapshot"; session: WorkshopSession }
  | { type: "event"; event: WorkshopEvent }
  | { type: "workshop"; workshop: Workshop }
  | { type: "module"; module: ModuleHead }
  | { type: "question"; question: WorkshopQuestion }
  | { type: "voted"; moduleId: number; questionId: number; votes: number; voted: boolean }
  | { type: "answered"; moduleId: number; answer: PollAnswer }
  | { type: "results"; results: PollResults }
  | { type: "card"; card: BoardCard }
  | { type: "theme"; theme: BoardTheme }
  | { type: "dots"; moduleId: number; dots: DotPlacement[] }
  | { type: "chat"; message: ChatMessage };

const byPosition = (a: ModuleView, b: ModuleView) => a.module.position - b.module.position || a.module.id - b.module.id;

/** The state of a freshly loaded session. */
export function fromSnapshot(session: WorkshopSession): SessionState {
  return {
    workshop: session.workshop,
    me: session.me,
    modules: [...session.modules].sort(byPosition),
    chat: session.chat,
    seq: session.live_seq,
    stale: false,
  };
}

/** Replaces the item with the same id, keeping what only the snapshot knows (mine), or appends it. */
function upsert<T extends { id: number; mine?: boolean }>(items: readonly T[] | undefined, item: T): T[] {
  const list = items ?? [];
  const index = list.findIndex((x) => x.id === item.id);
  if (index < 0) return [...list, item];
  const old = list[index]!;
  const merged = old.mine !== undefined && item.mine === undefined ? { ...item, mine: old.mine } : item;
  return list.map((x, i) => (i === index ? merged : x));
}

function mapModule(state: SessionState, moduleId: number, change: (view: ModuleView) => ModuleView): SessionState {
  if (!state.modules.some((m) => m.module.id === moduleId)) return state;
  return { ...state, modules: state.modules.map((m) => (m.module.id === moduleId ? change(m) : m)) };
}

/** A question as everyone may keep it: a hidden one loses its text and author, whatever arrived. */
function cleanQuestion(q: WorkshopQuestion): WorkshopQuestion {
  if (q.state !== "hidden") return q;
  const { author_name: _author, answer: _answer, ...rest } = q;
  return { ...rest, text: "" };
}

function cleanCard(c: BoardCard): BoardCard {
  if (c.state !== "hidden") return c;
  const { author_name: _author, ...rest } = c;
  return { ...rest, text: "" };
}

function cleanMessage(m: ChatMessage): ChatMessage {
  return m.hidden ? { ...m, text: "" } : m;
}

function applyWorkshop(state: SessionState, data: Extract<WorkshopEvent, { type: "workshop.changed" }>["data"]): SessionState {
  const { current_item_id: _c, item_started_at: _s, ...kept } = state.workshop;
  const workshop: Workshop = {
    ...kept,
    status: data.status,
    // Only facilitators may use the status actions; everyone else keeps the empty list the server gave.
    actions: state.workshop.capabilities.facilitate ? data.actions : [],
    agenda: data.agenda,
    projector: data.projector,
    chat: data.chat,
    slow_seconds: data.slow_seconds,
    premoderate: data.premoderate,
    ...(data.current_item_id !== undefined ? { current_item_id: data.current_item_id } : {}),
    ...(data.item_started_at !== undefined ? { item_started_at: data.item_started_at } : {}),
  };
  return { ...state, workshop };
}

function applyModule(state: SessionState, module: ModuleHead): SessionState {
  const exists = state.modules.some((m) => m.module.id === module.id);
  const modules = exists ? state.modules.map((m) => (m.module.id === module.id ? { ...m, module } : m)) : [...state.modules, { module }];
  return { ...state, modules: modules.sort(byPosition) };
}

/** Sets the counts of a coalesced counts.changed: up-votes of questions or dots of cards. */
function applyCounts(view: ModuleView, counts: readonly { id: number; n: number }[]): ModuleView {
  const n = new Map(counts.map((c) => [c.id, c.n]));
  if (view.module.kind === "questions" && view.questions) {
    return { ...view, questions: view.questions.map((q) => (n.has(q.id) ? { ...q, votes: n.get(q.id)! } : q)) };
  }
  if (view.module.kind === "board" && view.cards) {
    return { ...view, cards: view.cards.map((c) => (n.has(c.id) ? { ...c, dots: n.get(c.id)! } : c)) };
  }
  return view;
}

function removeTheme(state: SessionState, id: number): SessionState {
  return {
    ...state,
    modules: state.modules.map((m) => {
      if (!m.themes?.some((t) => t.id === id)) return m;
      return {
        ...m,
        themes: m.themes.filter((t) => t.id !== id),
        cards: (m.cards ?? []).map((c) => {
          if (c.theme_id !== id) return c;
          const { theme_id: _t, ...rest } = c;
          return rest;
        }),
      };
    }),
  };
}

function applyEvent(state: SessionState, event: WorkshopEvent): SessionState {
  switch (event.type) {
    case "workshop.changed":
      return applyWorkshop(state, event.data);
    case "module.changed":
      return applyModule(state, event.data);
    case "module.removed":
      return { ...state, modules: state.modules.filter((m) => m.module.id !== event.data.id) };
    case "question.changed":
      return reduceSession(state, { type: "question", question: event.data });
    case "card.changed":
      return reduceSession(state, { type: "card", card: event.data });
    case "theme.changed":
      return reduceSession(state, { type: "theme", theme: event.data });
    case "theme.removed":
      return removeTheme(state, event.data.id);
    case "chat.message":
      return reduceSession(state, { type: "chat", message: event.data });
    case "counts.changed":
      return mapModule(state, event.data.module_id, (m) => applyCounts(m, event.data.counts));
    case "results.changed":
      return reduceSession(state, { type: "results", results: event.data });
    case "session.reset":
      return { ...state, stale: true };
  }
}

/**
 * The session's reducer. A frame at or below the last applied seq changes nothing (connectLive
 * already drops those; a snapshot loaded while frames arrived may be newer than them).
 */
export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case "snapshot":
      return fromSnapshot(action.session);
    case "event":
      if (action.event.seq <= state.seq) return state;
      return { ...applyEvent(state, action.event), seq: action.event.seq };
    case "workshop":
      return { ...state, workshop: action.workshop };
    case "module":
      return applyModule(state, action.module);
    case "question":
      return mapModule(state, action.question.module_id, (m) => ({ ...m, questions: upsert(m.questions, cleanQuestion(action.question)) }));
    case "voted":
      return mapModule(state, action.moduleId, (m) => ({
        ...m,
        questions: (m.questions ?? []).map((q) => (q.id === action.questionId ? { ...q, votes: action.votes } : q)),
        my_votes: action.voted ? [...new Set([...(m.my_votes ?? []), action.questionId])] : (m.my_votes ?? []).filter((id) => id !== action.questionId),
      }));
    case "answered":
      return mapModule(state, action.moduleId, (m) => ({ ...m, my_answer: action.answer }));
    case "results":
      return mapModule(state, action.results.module_id, (m) => ({ ...m, results: action.results }));
    case "card":
      return mapModule(state, action.card.module_id, (m) => ({ ...m, cards: upsert(m.cards, cleanCard(action.card)) }));
    case "theme":
      return mapModule(state, action.theme.module_id, (m) => ({
        ...m,
        themes: upsert(m.themes, action.theme).sort((a, b) => a.position - b.position),
      }));
    case "dots":
      return mapModule(state, action.moduleId, (m) => ({ ...m, my_dots: action.dots }));
    case "chat":
      return { ...state, chat: upsert(state.chat, cleanMessage(action.message)) };
  }
}

/** The module with the given id, if the session has it. */
export function findModule(state: SessionState, id: number | undefined): ModuleView | undefined {
  return id === undefined ? undefined : state.modules.find((m) => m.module.id === id);
}

/** The modules open now: what participants can take part in. */
export function openModules(state: SessionState): ModuleView[] {
  return state.modules.filter((m) => m.module.state === "open");
}

/** The agenda item under way, if any. */
export function currentItem(workshop: Pick<Workshop, "agenda" | "current_item_id">) {
  return workshop.agenda.find((a) => a.id === workshop.current_item_id);
}

/** Milliseconds left of the current item's planned time (negative when over), or undefined. */
export function remainingMs(workshop: Pick<Workshop, "agenda" | "current_item_id" | "item_started_at">, now: number): number | undefined {
  const item = currentItem(workshop);
  if (!item || !workshop.item_started_at || item.minutes <= 0) return undefined;
  return Date.parse(workshop.item_started_at) + item.minutes * 60_000 - now;
}

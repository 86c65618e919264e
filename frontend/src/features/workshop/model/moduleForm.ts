import type { ModuleHead, ModuleInput, ModuleKind, PollKind } from "../api/workshops";

/** The module form's values, as the inputs hold them. */
export interface ModuleValues {
  kind: ModuleKind;
  title: string;
  /** The agenda item's id, "" for none. */
  item: string;
  pollKind: PollKind;
  /** One option a line. */
  options: string;
  maxChoices: string;
  /** "5" (1–5) or "10" (0–10). */
  scaleMax: string;
  budget: string;
  anonymous: boolean;
  resultsLive: boolean;
  /** One column a line. */
  columns: string;
  dots: string;
}

export const emptyModule: ModuleValues = {
  kind: "questions",
  title: "",
  item: "",
  pollKind: "single",
  options: "",
  maxChoices: "0",
  scaleMax: "5",
  budget: "100",
  anonymous: true,
  resultsLive: true,
  columns: "",
  dots: "3",
};

/** The poll kinds whose answers choose among options. */
export const withOptions = (k: PollKind) => ["single", "multiple", "ranking", "budget"].includes(k);

const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

/** The form's values of a module being edited. */
export function moduleValuesFrom(m: ModuleHead): ModuleValues {
  const poll = m.poll;
  return {
    kind: m.kind,
    title: m.title,
    item: m.agenda_item_id ? String(m.agenda_item_id) : "",
    pollKind: poll?.kind ?? emptyModule.pollKind,
    options: (poll?.options ?? []).join("\n"),
    maxChoices: String(poll?.max_choices ?? 0),
    scaleMax: poll?.scale_max === 10 ? "10" : "5",
    budget: String(poll?.budget || emptyModule.budget),
    anonymous: poll ? (poll.anonymous ?? false) : emptyModule.anonymous,
    resultsLive: poll ? (poll.results_live ?? false) : emptyModule.resultsLive,
    columns: (m.board?.columns ?? []).join("\n"),
    dots: String(m.board?.dots ?? emptyModule.dots),
  };
}

/**
 * Whether how a poll asks is fixed: the contract (updateWorkshopModule) changes its kind, options,
 * choices, scale and budget only while the module is ready, i.e. was never opened.
 */
export function pollLocked(m: ModuleHead | undefined): boolean {
  return m !== undefined && m.kind === "poll" && m.state !== "ready";
}

/** Whether the poll must stay anonymous: it was opened as an anonymous one (its answers were given on that promise). */
export function anonymityLocked(m: ModuleHead | undefined): boolean {
  return pollLocked(m) && m?.poll?.anonymous === true;
}

/**
 * The request of the form. For a module being edited whose poll is locked, how it asks goes back
 * as the server has it, and an anonymous one stays anonymous (anything else is refused).
 */
export function moduleInput(v: ModuleValues, editing?: ModuleHead): ModuleInput {
  const input: ModuleInput = { kind: v.kind, title: v.title.trim(), ...(v.item ? { agenda_item_id: Number(v.item) } : {}) };
  if (v.kind === "poll") {
    const locked = pollLocked(editing) && editing?.poll ? editing.poll : undefined;
    const kind = locked ? locked.kind : v.pollKind;
    const options = locked ? locked.options : lines(v.options);
    const scaleMax = locked ? (locked.scale_max ?? 5) : Number(v.scaleMax);
    input.poll = {
      kind,
      anonymous: v.anonymous || anonymityLocked(editing),
      results_live: v.resultsLive,
      ...(withOptions(kind) && options ? { options } : {}),
      ...(kind === "multiple" ? { max_choices: locked ? (locked.max_choices ?? 0) : Number(v.maxChoices) || 0 } : {}),
      ...(kind === "scale" ? { scale_min: locked ? (locked.scale_min ?? 1) : scaleMax === 10 ? 0 : 1, scale_max: scaleMax } : {}),
      ...(kind === "budget" ? { budget: locked ? (locked.budget ?? 0) : Number(v.budget) || 0 } : {}),
    };
  }
  if (v.kind === "board") input.board = { columns: lines(v.columns), dots: Number(v.dots) || 0 };
  return input;
}

import { apiBase, getJSON, request, sendEmpty, sendJSON } from "../../../shared/api/client";
import type { components } from "../../../api/schema";

type Schemas = components["schemas"];

export type Workshop = Schemas["Workshop"];
export type WorkshopInput = Schemas["WorkshopInput"];
export type WorkshopStatus = Schemas["WorkshopStatus"];
export type WorkshopCapabilities = Schemas["WorkshopCapabilities"];
export type AgendaItem = Schemas["AgendaItem"];
export type Projection = Schemas["Projection"];
export type TransitionAction = Schemas["WorkshopTransition"]["action"];
export type Participant = Schemas["Participant"];
export type Presence = Schemas["Presence"];
export type PollConfig = Schemas["PollConfig"];
export type PollKind = PollConfig["kind"];
export type BoardConfig = Schemas["BoardConfig"];
export type ModuleInput = Schemas["ModuleInput"];
export type ModuleHead = Schemas["ModuleHead"];
export type ModuleKind = ModuleHead["kind"];
export type ModuleView = Schemas["ModuleView"];
export type WorkshopSession = Schemas["WorkshopSession"];
export type WorkshopQuestion = Schemas["WorkshopQuestion"];
export type QuestionVote = Schemas["QuestionVote"];
export type QuestionModeration = Schemas["QuestionModeration"];
export type PollAnswer = Schemas["PollAnswer"];
export type PollResults = Schemas["PollResults"];
export type BoardCard = Schemas["BoardCard"];
export type CardModeration = Schemas["CardModeration"];
export type BoardTheme = Schemas["BoardTheme"];
export type DotPlacement = Schemas["DotPlacement"];
export type ChatMessage = Schemas["ChatMessage"];
export type WorkshopDecision = Schemas["WorkshopDecision"];
export type WorkshopMinutes = Schemas["WorkshopMinutes"];
export type HandoffInput = Schemas["HandoffInput"];
export type Handoff = Schemas["Handoff"];

/** The live room of a workshop, as events.yaml names it. */
export function workshopRoom(id: number): string {
  return `workshop:${id}`;
}

/** The workshops of a process the person may read, by start time. */
export async function listWorkshops(processId: number, signal?: AbortSignal): Promise<Workshop[]> {
  return (await getJSON<Schemas["WorkshopList"]>(`/processes/${processId}/workshops`, signal)).items;
}

/** Sets up a workshop (the process's coordinators). */
export function createWorkshop(processId: number, input: WorkshopInput): Promise<Workshop> {
  return sendJSON<Workshop>("POST", `/processes/${processId}/workshops`, input);
}

export function getWorkshop(id: number, signal?: AbortSignal): Promise<Workshop> {
  return getJSON<Workshop>(`/workshops/${id}`, signal);
}

/** Changes the set-up (facilitators); agenda items keep their id. */
export function updateWorkshop(id: number, input: WorkshopInput): Promise<Workshop> {
  return sendJSON<Workshop>("PUT", `/workshops/${id}`, input);
}

/** Rehearse, end the rehearsal (its contributions are discarded), start or end. */
export function transitionWorkshop(id: number, action: TransitionAction): Promise<Workshop> {
  return sendJSON<Workshop>("POST", `/workshops/${id}/status`, { action });
}

/** Moves to an agenda item, or to the next one when itemId is left out. */
export function setCurrentItem(id: number, itemId?: number): Promise<Workshop> {
  return sendJSON<Workshop>("PUT", `/workshops/${id}/current`, itemId === undefined ? {} : { item_id: itemId });
}

/** Chooses what the projector shows. */
export function showOnProjector(id: number, projection: Projection): Promise<Workshop> {
  return sendJSON<Workshop>("PUT", `/workshops/${id}/projector`, projection);
}

/** A new key for the hall's device; the old one stops working. */
export async function renewProjectorKey(id: number): Promise<string> {
  return (await sendJSON<Schemas["ProjectorKey"]>("POST", `/workshops/${id}/projector-key`)).key;
}

/** Exchanges a projector key for this device's projector cookie. */
export async function openProjector(id: number, key: string): Promise<void> {
  await request(`${apiBase}/workshops/${id}/projector-session`, { method: "POST", body: { key } });
}

/** Joins as the person logged in (joining again answers the same participant). */
export function joinWorkshop(id: number, org = ""): Promise<Participant> {
  return sendJSON<Participant>("POST", `/workshops/${id}/join`, org ? { org } : {});
}

/** Joins a workshop open to guests with its code and a display name. */
export function joinAsGuest(code: string, name: string): Promise<Schemas["GuestJoined"]> {
  return sendJSON<Schemas["GuestJoined"]>("POST", "/workshop-guests", { code, name });
}

/** The workshop a join code belongs to. */
export function findWorkshopByCode(code: string, signal?: AbortSignal): Promise<Workshop> {
  return getJSON<Workshop>(`/workshop-codes/${encodeURIComponent(code)}`, signal);
}

/** The live state as the caller may see it, with live_seq to follow the room from. */
export function getSession(id: number, signal?: AbortSignal): Promise<WorkshopSession> {
  return getJSON<WorkshopSession>(`/workshops/${id}/session`, signal);
}

export function getPresence(id: number, signal?: AbortSignal): Promise<Presence> {
  return getJSON<Presence>(`/workshops/${id}/presence`, signal);
}

/** Prepares a module (facilitators). */
export function createModule(workshopId: number, input: ModuleInput): Promise<ModuleHead> {
  return sendJSON<ModuleHead>("POST", `/workshops/${workshopId}/modules`, input);
}

export function updateModule(id: number, input: ModuleInput): Promise<ModuleHead> {
  return sendJSON<ModuleHead>("PUT", `/workshop-modules/${id}`, input);
}

/** Removes a module that was never opened. */
export function deleteModule(id: number): Promise<void> {
  return sendEmpty("DELETE", `/workshop-modules/${id}`);
}

export function setModuleState(id: number, action: "open" | "close"): Promise<ModuleHead> {
  return sendJSON<ModuleHead>("POST", `/workshop-modules/${id}/state`, { action });
}

/** Asks a question; pending until approved when the workshop pre-moderates. */
export function askQuestion(moduleId: number, text: string): Promise<WorkshopQuestion> {
  return sendJSON<WorkshopQuestion>("POST", `/workshop-modules/${moduleId}/questions`, { text });
}

/** Up-votes a question (on) or takes the vote back. */
export function voteQuestion(id: number, on: boolean): Promise<QuestionVote> {
  return sendJSON<QuestionVote>(on ? "PUT" : "DELETE", `/workshop-questions/${id}/vote`);
}

export function moderateQuestion(id: number, input: QuestionModeration): Promise<WorkshopQuestion> {
  return sendJSON<WorkshopQuestion>("POST", `/workshop-questions/${id}/moderation`, input);
}

/** Gives or changes one's answer to an open poll. */
export function answerPoll(moduleId: number, answer: PollAnswer): Promise<PollAnswer> {
  return sendJSON<PollAnswer>("PUT", `/workshop-modules/${moduleId}/answer`, answer);
}

export function getPollResults(moduleId: number, signal?: AbortSignal): Promise<PollResults> {
  return getJSON<PollResults>(`/workshop-modules/${moduleId}/results`, signal);
}

export function addCard(moduleId: number, text: string, column: number): Promise<BoardCard> {
  return sendJSON<BoardCard>("POST", `/workshop-modules/${moduleId}/cards`, { text, column });
}

export function moderateCard(id: number, input: CardModeration): Promise<BoardCard> {
  return sendJSON<BoardCard>("POST", `/workshop-cards/${id}/moderation`, input);
}

export function addTheme(moduleId: number, text: string): Promise<BoardTheme> {
  return sendJSON<BoardTheme>("POST", `/workshop-modules/${moduleId}/themes`, { text });
}

export function renameTheme(id: number, text: string): Promise<BoardTheme> {
  return sendJSON<BoardTheme>("PUT", `/workshop-themes/${id}`, { text });
}

export function deleteTheme(id: number): Promise<void> {
  return sendEmpty("DELETE", `/workshop-themes/${id}`);
}

/** Replaces one's dots on a board (at most the board's budget in all). */
export async function placeDots(moduleId: number, dots: DotPlacement[]): Promise<DotPlacement[]> {
  return (await sendJSON<Schemas["Dots"]>("PUT", `/workshop-modules/${moduleId}/dots`, { dots })).dots;
}

/** Opens dot-voting (optionally with a timer in seconds) or closes it. */
export function setDotVoting(moduleId: number, open: boolean, seconds = 0): Promise<ModuleHead> {
  return sendJSON<ModuleHead>("POST", `/workshop-modules/${moduleId}/voting`, open ? { open, seconds } : { open });
}

export function sendChat(workshopId: number, text: string): Promise<ChatMessage> {
  return sendJSON<ChatMessage>("POST", `/workshops/${workshopId}/chat`, { text });
}

export function hideChat(id: number, reason: string): Promise<ChatMessage> {
  return sendJSON<ChatMessage>("POST", `/workshop-messages/${id}/hide`, { reason });
}

export async function listDecisions(workshopId: number, signal?: AbortSignal): Promise<WorkshopDecision[]> {
  return (await getJSON<Schemas["WorkshopDecisionList"]>(`/workshops/${workshopId}/decisions`, signal)).items;
}

export function noteDecision(workshopId: number, text: string, agendaItemId?: number): Promise<WorkshopDecision> {
  return sendJSON<WorkshopDecision>("POST", `/workshops/${workshopId}/decisions`, agendaItemId ? { text, agenda_item_id: agendaItemId } : { text });
}

export function deleteDecision(id: number): Promise<void> {
  return sendEmpty("DELETE", `/workshop-decisions/${id}`);
}

/** The draft for facilitators, the published minutes for everyone else. */
/** The workshop's public moderation log: what was hidden or merged, when and why. */
export function getWorkshopModerationLog(workshopId: number, signal?: AbortSignal): Promise<components["schemas"]["WorkshopLog"]> {
  return getJSON<components["schemas"]["WorkshopLog"]>(`/workshops/${workshopId}/moderation-log`, signal);
}

export function getMinutes(workshopId: number, signal?: AbortSignal): Promise<WorkshopMinutes> {
  return getJSON<WorkshopMinutes>(`/workshops/${workshopId}/minutes`, signal);
}

/** Saves the draft; a 409 stale_version means someone saved since baseVersion. */
export function saveMinutes(workshopId: number, text: string, baseVersion: number): Promise<WorkshopMinutes> {
  return sendJSON<WorkshopMinutes>("PUT", `/workshops/${workshopId}/minutes`, { text, base_version: baseVersion });
}

/** Builds the draft from the session's data. */
export function draftMinutes(workshopId: number): Promise<WorkshopMinutes> {
  return sendJSON<WorkshopMinutes>("POST", `/workshops/${workshopId}/minutes/draft`);
}

export function publishMinutes(workshopId: number): Promise<WorkshopMinutes> {
  return sendJSON<WorkshopMinutes>("POST", `/workshops/${workshopId}/minutes/publish`);
}

/** The address of the minutes as a file (a plain link: the browser downloads it). */
export function minutesExportHref(workshopId: number, format: "pdf" | "docx" | "md"): string {
  return `${apiBase}/workshops/${workshopId}/minutes/export?format=${format}`;
}

/** The address of the session's raw data as CSV. */
export function workshopDataHref(workshopId: number): string {
  return `${apiBase}/workshops/${workshopId}/data`;
}

/** Hands a question, card or theme on into planning. */
export function handOff(workshopId: number, input: HandoffInput): Promise<Handoff> {
  return sendJSON<Handoff>("POST", `/workshops/${workshopId}/handoffs`, input);
}

export async function listHandoffs(workshopId: number, signal?: AbortSignal): Promise<Handoff[]> {
  return (await getJSON<Schemas["HandoffList"]>(`/workshops/${workshopId}/handoffs`, signal)).items;
}

/** The offers to one's organisations, waiting for an answer. */
export async function listWorkshopOffers(signal?: AbortSignal): Promise<Handoff[]> {
  return (await getJSON<Schemas["HandoffList"]>("/me/workshop-offers", signal)).items;
}

export function answerHandoff(id: number, accept: boolean): Promise<Handoff> {
  return sendJSON<Handoff>("POST", `/workshop-handoffs/${id}/answer`, { accept });
}

import { apiBase } from "../../../shared/api/client";
import type { components } from "../../../api/events";

type Events = components["schemas"];
type ModerationAction = Events["ModerationDecided"]["action"];

/** What everyone may see of a public comment, as the server sends it live (generated from api/events.yaml). */
export type PublicComment = Events["PublicComment"];

/** A comment as it entered or changed in the moderation queue, sent to moderators only. */
export type QueuedComment = Events["QueuedComment"];

/** An event of a consultation's room that this client acts on. */
export type LiveEvent = Extract<
  Events["LiveEvent"],
  {
    type:
      | "comment.created"
      | "comment.updated"
      | "comment.removed"
      | "comment.supports"
      | "response.created"
      | "moderation.decided"
      | "comment.queued"
      | "comment.dequeued";
  }
>;

/** A message of the room as received, before its type is known to this client. */
export type RawEvent = Events["LiveFrame"];

/** The state of the connection, as the page shows it; "revoked" when the server ended it for lost access. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "closed" | "revoked";

/** The close code with which the server ends a socket whose person lost access to the room. */
export const accessRevoked = 4403;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
const isString = (v: unknown): v is string => typeof v === "string";

/** Parses a message of the socket; anything but {room, seq, type, data} is undefined. */
export function parseEnvelope(text: string): RawEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isString(value.room) || !isId(value.seq) || !isString(value.type)) return undefined;
  return { room: value.room, seq: value.seq, type: value.type, data: value.data };
}

// Only public comments are sent to everyone, so only their statuses pass (as events.yaml says).
const statuses: ReadonlySet<string> = new Set<PublicComment["status"]>(["published", "withdrawn"]);
const actions: ReadonlySet<string> = new Set<ModerationAction>(["approve", "reject", "hide", "pin", "unpin"]);

/** The fields public and queued comments share, with a status from `allowed`. */
function hasCommentFields(d: unknown, allowed: ReadonlySet<string>): d is Record<string, unknown> {
  return (
    isObject(d) &&
    isId(d.id) &&
    isString(d.author_name) &&
    isString(d.status) &&
    allowed.has(d.status) &&
    isString(d.html) &&
    typeof d.pinned === "boolean" &&
    typeof d.supports === "number" &&
    isString(d.created_at) &&
    (d.section_id === undefined || isId(d.section_id)) &&
    (d.parent_id === undefined || isId(d.parent_id)) &&
    (d.edited_at === undefined || isString(d.edited_at))
  );
}

function isPublicComment(d: unknown): d is PublicComment {
  return hasCommentFields(d, statuses);
}

const queuedStatuses: ReadonlySet<string> = new Set<QueuedComment["status"]>(["pending", "published"]);

function isQueuedComment(d: unknown): d is QueuedComment {
  return hasCommentFields(d, queuedStatuses) && isString(d.body) && typeof d.flags === "number" && (d.reason === undefined || isString(d.reason));
}

/**
 * Narrows a raw event to one this client knows, checking the data's shape; an unknown type (from
 * a newer server) or malformed data is undefined and so ignored.
 */
export function toLiveEvent(raw: RawEvent): LiveEvent | undefined {
  const d = raw.data;
  switch (raw.type) {
    case "comment.created":
    case "comment.updated":
      return isPublicComment(d) ? ({ ...raw, type: raw.type, data: d } as LiveEvent) : undefined;
    case "comment.removed":
    case "comment.dequeued":
      return isObject(d) && isId(d.id) ? { ...raw, type: raw.type, data: { id: d.id } } : undefined;
    case "comment.queued":
      return isQueuedComment(d) ? { ...raw, type: raw.type, data: d } : undefined;
    case "comment.supports":
      return isObject(d) && isId(d.id) && typeof d.supports === "number"
        ? { ...raw, type: raw.type, data: { id: d.id, supports: d.supports } }
        : undefined;
    case "response.created":
      return isObject(d) && isId(d.comment_id) && isString(d.html) && isString(d.created_at)
        ? { ...raw, type: raw.type, data: { comment_id: d.comment_id, html: d.html, created_at: d.created_at } }
        : undefined;
    case "moderation.decided":
      return isObject(d) && isId(d.comment_id) && isString(d.action) && actions.has(d.action)
        ? {
            ...raw,
            type: raw.type,
            data: { comment_id: d.comment_id, action: d.action as ModerationAction, reason: isString(d.reason) ? d.reason : "" },
          }
        : undefined;
    default:
      return undefined;
  }
}

/** The part of the browser's WebSocket the client uses, so tests can give a fake. */
export interface LiveSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  readonly readyState: number;
  close(code?: number, reason?: string): void;
}

const connecting = 0;

/**
 * Closes a socket without noise: one still connecting is closed as soon as it opens, since
 * closing it earlier makes browsers log an error to the console.
 */
function closeQuietly(socket: LiveSocket): void {
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
  if (socket.readyState === connecting) socket.onopen = () => socket.close(1000, "page closed");
  else {
    socket.onopen = null;
    socket.close(1000, "page closed");
  }
}

/** The websocket address of a room, on the page's own host. */
export function liveURL(room: string, since: number, location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${apiBase}/live?room=${encodeURIComponent(room)}&since=${since}`;
}

export const initialDelay = 1000;
export const maxDelay = 30_000;
/** A connection open at least this long counts as healthy: the next failure starts backoff anew. */
export const stableAfter = 10_000;

/**
 * The wait before reconnect attempt `attempt` (from 0): exponential from 1 s up to 30 s, of which
 * a random half, so many readers of a restarted server do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(maxDelay, initialDelay * 2 ** Math.min(attempt, 16));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export interface LiveOptions<E = LiveEvent> {
  room: string;
  /** The last event the page already shows (the consultation's live_seq). */
  since: number;
  onEvent: (event: E) => void;
  /** Narrows a frame to an event of the room's kind (default: a consultation's, toLiveEvent). */
  parse?: (raw: RawEvent) => E | undefined;
  onStatus?: (status: LiveStatus) => void;
  /** For tests: makes the socket (default: the browser's WebSocket). */
  createSocket?: (url: string) => LiveSocket;
  url?: (room: string, since: number) => string;
  random?: () => number;
  now?: () => number;
}

export interface LiveConnection {
  /** Ends the connection for good (the page goes away). */
  close: () => void;
  /** The last sequence number seen. */
  lastSeq: () => number;
}

/**
 * Follows a room's events: connects with since=<last seq seen>, delivers each event once and in
 * order (ignoring any with seq <= the last one seen), and reconnects with backoff whenever the
 * connection ends — a network failure, a server restart (1012), a server that found the client
 * too slow (1013) — so that nothing is missed or shown twice.
 */
export function connectLive<E = LiveEvent>(options: LiveOptions<E>): LiveConnection {
  const {
    room,
    onEvent,
    onStatus = () => undefined,
    createSocket = (url) => new WebSocket(url),
    url = liveURL,
    random = Math.random,
    now = Date.now,
  } = options;
  const parse = options.parse ?? (toLiveEvent as unknown as (raw: RawEvent) => E | undefined);
  let last = options.since;
  let attempt = 0;
  let socket: LiveSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let openedAt: number | undefined;

  const scheduleReconnect = () => {
    if (stopped) return;
    onStatus("reconnecting");
    const delay = backoffDelay(attempt, random);
    attempt += 1;
    timer = setTimeout(open, delay);
  };

  function open() {
    timer = undefined;
    if (stopped) return;
    openedAt = undefined;
    let current: LiveSocket;
    try {
      current = createSocket(url(room, last));
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      if (stopped || socket !== current) return;
      openedAt = now();
      onStatus("live");
    };
    // A message may carry several events, one JSON object per line (a burst, or a replay).
    current.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== "string") return;
      for (const line of message.data.split("\n")) {
        if (stopped || socket !== current) return; // onEvent may have closed the connection
        const raw = parseEnvelope(line);
        if (!raw || raw.room !== room || raw.seq <= last) continue;
        last = raw.seq;
        const event = parse(raw);
        if (event) onEvent(event);
      }
    };
    current.onerror = () => undefined; // a close event follows; reconnecting happens there
    current.onclose = (event: CloseEvent) => {
      if (stopped || socket !== current) return;
      socket = undefined;
      // Lost access (logged out elsewhere, role taken away): trying again would only be refused.
      if (event.code === accessRevoked) {
        stopped = true;
        onStatus("revoked");
        return;
      }
      if (openedAt !== undefined && now() - openedAt >= stableAfter) attempt = 0;
      scheduleReconnect();
    };
  }

  onStatus("connecting");
  open();

  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      if (stopped) return;
      stopped = true;
      if (socket) closeQuietly(socket);
      socket = undefined;
      onStatus("closed");
    },
    lastSeq: () => last,
  };
}

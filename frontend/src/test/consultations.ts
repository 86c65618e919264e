import type { Comment, Consultation } from "../features/consultation/api/consultations";
import type { LiveSocket } from "../features/consultation/api/live";

/** An open consultation of Erfurt's process 7 on a plan of two sections, under post-moderation. */
export function consultation(rest: Partial<Consultation> = {}): Consultation {
  const now = Date.now();
  return {
    id: 1,
    process_id: 7,
    district_key: "16051",
    title: "Entwurf des Sozialplans Erfurt (Beispiel)",
    intro: "Was halten Sie vom Entwurf?",
    intro_html: "<p>Was halten Sie vom Entwurf?</p>\n",
    audience: "everyone",
    invited_organisations: [],
    moderation: "post",
    opens_at: new Date(now - 14 * 86_400_000).toISOString(),
    closes_at: new Date(now + 3 * 86_400_000 + 4 * 3_600_000 + 30 * 60_000).toISOString(),
    state: "open",
    social_area_ids: [3],
    sections: [
      { id: 11, heading: "Ausgangslage", body: "Die **Bestandsaufnahme**", html: "<p>Die <strong>Bestandsaufnahme</strong></p>\n" },
      { id: 12, heading: "Ziele", body: "- Beratung", html: "<ul>\n<li>Beratung</li>\n</ul>\n" },
    ],
    can_comment: false,
    can_moderate: false,
    room: "consultation:1",
    live_seq: 40,
    ...rest,
  };
}

export function comment(id: number, rest: Partial<Comment> = {}): Comment {
  return {
    id,
    consultation_id: 1,
    author_name: "Arne Awo",
    status: "published",
    html: `<p>Beitrag ${id}</p>\n`,
    pinned: false,
    supports: 0,
    created_at: "2026-11-21T10:00:00Z",
    is_own: false,
    actions: [],
    supported: false,
    replies: 0,
    ...rest,
  };
}

/** A stand-in for the browser's WebSocket that a test opens, feeds and inspects. */
export class FakeWebSocket implements LiveSocket {
  static instances: FakeWebSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readyState = 0;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances[FakeWebSocket.instances.length - 1];
    if (!socket) throw new Error("no websocket was opened");
    return socket;
  }

  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  emit(seq: number, type: string, data: unknown) {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify({ room: "consultation:1", seq, type, data }) }));
  }

  /** The server ends the connection, e.g. with 4403 when the person lost access. */
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.(new CloseEvent("close", { code }));
  }

  close() {
    this.readyState = 3;
  }
}

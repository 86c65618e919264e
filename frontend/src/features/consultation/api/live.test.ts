import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accessRevoked, backoffDelay, connectLive, liveURL, maxDelay, parseEnvelope, toLiveEvent, type LiveEvent, type LiveSocket, type LiveStatus } from "./live";

/** A socket the test drives: open it, send it messages, close it. */
class FakeSocket implements LiveSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readyState = 0;
  closedWith: number | undefined;

  constructor(readonly url: string) {}

  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  send(event: object | string) {
    const data = typeof event === "string" ? event : JSON.stringify(event);
    this.onmessage?.(new MessageEvent("message", { data }));
  }

  /** The server ends the connection, e.g. with 1012 (restart) or 1013 (too slow). */
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.(new CloseEvent("close", { code }));
  }

  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
}

const room = "consultation:1";
const comment = (id: number) => ({
  id,
  consultation_id: 1,
  author_name: "Rita Rathaus",
  status: "published",
  html: "<p>Hallo</p>",
  pinned: false,
  supports: 0,
  created_at: "2026-11-21T10:00:00Z",
});
const created = (seq: number, id = seq) => ({ room, seq, type: "comment.created", data: comment(id) });

function setup(since = 5) {
  const sockets: FakeSocket[] = [];
  const events: LiveEvent[] = [];
  const statuses: LiveStatus[] = [];
  const connection = connectLive({
    room,
    since,
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    url: (r, s) => `ws://test/live?room=${r}&since=${s}`,
    random: () => 1, // the full, predictable delay
  });
  const last = () => sockets[sockets.length - 1]!;
  return { sockets, events, statuses, connection, last };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("connectLive", () => {
  it("starts from the page's live_seq and delivers events in order", () => {
    const { sockets, events, statuses, last } = setup(5);
    expect(sockets).toHaveLength(1);
    expect(last().url).toBe("ws://test/live?room=consultation:1&since=5");
    expect(statuses).toEqual(["connecting"]);
    last().open();
    expect(statuses).toEqual(["connecting", "live"]);
    last().send(created(6));
    last().send(created(7));
    expect(events.map((e) => e.seq)).toEqual([6, 7]);
    expect(events[0]?.type).toBe("comment.created");
  });

  it("ignores events it has already seen, older ones, other rooms and malformed messages", () => {
    const { events, last } = setup(5);
    last().open();
    last().send(created(5)); // the page already shows it
    last().send(created(6));
    last().send(created(6)); // a duplicate
    last().send(created(4)); // older
    last().send({ ...created(9), room: "consultation:2" });
    last().send("not json");
    last().send({ room, seq: 8, type: "comment.created", data: { id: "x" } }); // counts as seen, but malformed
    last().send(created(8));
    last().send(created(10));
    expect(events.map((e) => e.seq)).toEqual([6, 10]);
  });

  it("reconnects after the server closes (1012 restart, 1013 too slow) with since = the last seq seen", () => {
    const { sockets, events, statuses, last } = setup(5);
    last().open();
    last().send(created(6));
    last().send(created(7));
    last().drop(1012);
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(backoffDelay(0, () => 1));
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe("ws://test/live?room=consultation:1&since=7");
    last().open();
    // The server replays from 7 on; a repeat of 7 would be ignored anyway.
    last().send(created(7));
    last().send(created(8));
    last().drop(1013);
    vi.advanceTimersByTime(maxDelay);
    expect(last().url).toBe("ws://test/live?room=consultation:1&since=8");
    expect(events.map((e) => e.seq)).toEqual([6, 7, 8]);
  });

  it("backs off exponentially while connecting fails, and starts again after a healthy connection", () => {
    const { sockets, last } = setup();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      last().drop();
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);

    last().open();
    vi.advanceTimersByTime(15_000); // a connection that lasted counts as healthy
    last().drop();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(9);
  });

  it("stops for good when closed, quietly closing a socket that is still connecting", () => {
    const { sockets, statuses, connection, last } = setup();
    const connecting = last();
    connection.close();
    expect(statuses.at(-1)).toBe("closed");
    expect(connecting.closedWith).toBeUndefined(); // browsers complain about closing before open
    connecting.open();
    expect(connecting.closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("does not reconnect after close while waiting to reconnect", () => {
    const { sockets, connection, last } = setup();
    last().open();
    last().drop();
    connection.close();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("stops for good when the server ends the socket for lost access (4403)", () => {
    const { sockets, statuses, last, connection } = setup(5);
    last().open();
    last().drop(accessRevoked);
    expect(statuses.at(-1)).toBe("revoked");
    vi.advanceTimersByTime(maxDelay * 2);
    expect(sockets).toHaveLength(1);
    connection.close();
    expect(statuses.at(-1)).toBe("revoked");
  });

  it("delivers every event of a message that carries several, one per line", () => {
    const { events, connection, last } = setup(5);
    last().open();
    last().send([created(6), created(5), "nonsense", created(7)].map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("\n"));
    expect(events.map((e) => e.seq)).toEqual([6, 7]);
    expect(connection.lastSeq()).toBe(7);
  });

  it("stops within a message when an event closes the connection", () => {
    const events: number[] = [];
    let socket: FakeSocket | undefined;
    const connection = connectLive({
      room,
      since: 0,
      onEvent: (e) => {
        events.push(e.seq);
        connection.close();
      },
      createSocket: (url) => (socket = new FakeSocket(url)),
    });
    socket!.open();
    socket!.send([created(1), created(2)].map((e) => JSON.stringify(e)).join("\n"));
    expect(events).toEqual([1]);
  });

  it("reports the last seq seen", () => {
    const { connection, last } = setup(3);
    last().open();
    last().send(created(4));
    expect(connection.lastSeq()).toBe(4);
  });
});

describe("backoffDelay", () => {
  it("doubles from 1 s up to 30 s and takes a random half of that", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelay(a, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect([0, 1, 5].map((a) => backoffDelay(a, () => 0))).toEqual([500, 1000, 15000]);
  });
});

describe("messages", () => {
  it("builds the websocket address on the page's host", () => {
    expect(liveURL(room, 7, { protocol: "https:", host: "teilhabe.example" })).toBe(
      "wss://teilhabe.example/api/v1/live?room=consultation%3A1&since=7",
    );
    expect(liveURL(room, 0, { protocol: "http:", host: "localhost:8080" })).toMatch(/^ws:\/\/localhost:8080\//);
  });

  it("checks each event type's data", () => {
    const envelope = (type: string, data: unknown) => parseEnvelope(JSON.stringify({ room, seq: 1, type, data }))!;
    expect(toLiveEvent(envelope("comment.supports", { id: 3, supports: 2 }))?.data).toEqual({ id: 3, supports: 2 });
    expect(toLiveEvent(envelope("comment.removed", { id: 3 }))?.type).toBe("comment.removed");
    expect(toLiveEvent(envelope("response.created", { comment_id: 3, html: "<p>x</p>", created_at: "2026-11-21T10:00:00Z" }))).toBeDefined();
    expect(toLiveEvent(envelope("moderation.decided", { comment_id: 3, action: "reject", reason: "Werbung" }))?.data).toEqual({
      comment_id: 3,
      action: "reject",
      reason: "Werbung",
    });
    expect(toLiveEvent(envelope("moderation.decided", { comment_id: 3, action: "delete" }))).toBeUndefined();
    expect(toLiveEvent(envelope("comment.created", { ...comment(3), status: "secret" }))).toBeUndefined();
    const waiting = { ...comment(4), status: "pending", body: "Hallo", flags: 0 };
    expect(toLiveEvent(envelope("comment.queued", waiting))?.data).toEqual(waiting);
    expect(toLiveEvent(envelope("comment.queued", { ...waiting, status: "hidden" }))).toBeUndefined();
    expect(toLiveEvent(envelope("comment.queued", { ...waiting, flags: undefined }))).toBeUndefined();
    expect(toLiveEvent(envelope("comment.dequeued", { id: 4 }))?.data).toEqual({ id: 4 });
    expect(toLiveEvent(envelope("workshop.poll", {}))).toBeUndefined();
    expect(parseEnvelope(JSON.stringify({ room, seq: 0, type: "x" }))).toBeUndefined();
    expect(parseEnvelope("[]")).toBeUndefined();
  });
});

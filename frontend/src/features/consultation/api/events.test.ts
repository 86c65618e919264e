// The live events' types come from api/events.yaml (npm run gen:events), never from hand-written
// copies that drift from what the server sends. This scans the sources for such copies.
const sources = import.meta.glob<string>("/src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });
const generated = sources["/src/api/events.d.ts"] ?? "";
const handWritten = Object.entries(sources).filter(([path]) => !path.endsWith(".d.ts"));

// The schemas of events.d.ts, e.g. PublicComment, CommentCreatedFrame, LiveFrame.
const schemaNames = [...generated.matchAll(/^ {8}([A-Z]\w*): /gm)].map((m) => m[1] ?? "");

describe("live event types", () => {
  it("are generated from api/events.yaml", () => {
    expect(schemaNames).toEqual(expect.arrayContaining(["LiveFrame", "LiveEvent", "PublicComment", "ModerationDecided", "QueuedComment"]));
    expect(sources["/src/features/consultation/api/live.ts"]).toMatch(/from "(\.\.\/)+api\/events"/);
  });

  it("have no hand-written copies", () => {
    const copies: string[] = [];
    for (const [path, text] of handWritten) {
      for (const name of schemaNames) {
        if (new RegExp(`\\binterface\\s+${name}\\b|\\btype\\s+${name}\\s*=\\s*\\{`).test(text)) copies.push(`${path}: ${name}`);
      }
      // A frame envelope typed by hand ({room, seq, type, data}) is a copy of LiveFrame.
      if (/\{[^{}]*\broom\??\s*:\s*string\b[^{}]*\bseq\??\s*:\s*number\b/.test(text)) copies.push(`${path}: a frame type {room, seq, ...}`);
    }
    expect(copies).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { limits } from "../../test/fixtures";

// The server sends its limits (GET /api/v1/limits); a copy in the frontend drifts from them
// unnoticed. This scans the sources (not the generated types, not the tests) for such copies.
const sources = import.meta.glob<string>("/src/**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });
const handWritten = Object.entries(sources).filter(([path]) => !path.endsWith(".d.ts") && !/\.test\.tsx?$/.test(path) && !path.startsWith("/src/test/"));

/** The code without comments, so a comment may still say "15 Minuten" or "200 Zeichen". */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const values = [...new Set(Object.values(limits))].join("|");
const number = `(?:${values.replace(/(\d)(?=(\d{3})+(?!\d))/g, "$1_?")})\\b`;
// The things a limit is about, as names of constants and variables spell them.
const subjects = "name|title|heading|code|description|summary|office|intro|section|body|comment|reason|search|query|editWindow";

/** The ways a hard-coded limit shows in code. */
const patterns: [string, RegExp][] = [
  ["a number as maxLength attribute", /\bmaxLength=\{\s*\d/],
  ["a number as maxLength argument", /\bmaxLength\([^()]*,\s*\d[\d_]*\s*\)/],
  ["a number as max length argument", /\b(?:validate\w*|text)\([^()]*,\s*\d[\d_]*\s*(?:,[^()]*)?\)/],
  ["a limit constant", new RegExp(`\\b(?:(?:max|min)\\w*(?:${subjects})\\w*|\\w*(?:${subjects})\\w*(?:Max|Length|Limit))\\s*=\\s*\\d`, "i")],
  ["a length compared with a limit", new RegExp(`\\.length\\s*[<>]=?\\s*${number}`)],
  ["the edit window", /\b15\s*\*\s*60\b|\b15\s*\*\s*60_?000\b|\b900(?:_?000)?\b|\beditWindow\w*\s*=\s*\d/],
];

function findings(text: string): string[] {
  return patterns.filter(([, pattern]) => pattern.test(code(text))).map(([what]) => what);
}

describe("limits", () => {
  it("are recognised when hard-coded", () => {
    expect(findings("maxLength(values.title, 200)")).toEqual(["a number as maxLength argument"]);
    expect(findings("<input maxLength={200} />")).toEqual(["a number as maxLength attribute"]);
    expect(findings("validateComment(text, 5000)")).toEqual(["a number as max length argument"]);
    expect(findings("export const maxReason = 500;")).toEqual(["a limit constant"]);
    expect(findings("export const descriptionMax = 2000;")).toEqual(["a limit constant"]);
    expect(findings("if (title.length > 200) fail();")).toEqual(["a length compared with a limit"]);
    expect(findings("const editWindowMs = 15 * 60_000;")).toEqual(["the edit window"]);
    expect(findings("const left = created + 900;")).toEqual(["the edit window"]);
    expect(findings("maxLength(values.title, limits?.name) // at most 200 characters")).toEqual([]);
  });

  it("are nowhere hard-coded: they come from GET /api/v1/limits", () => {
    expect(handWritten.length).toBeGreaterThan(100);
    const found = handWritten.flatMap(([path, text]) => findings(text).map((what) => `${path}: ${what}`));
    expect(found).toEqual([]);
  });
});

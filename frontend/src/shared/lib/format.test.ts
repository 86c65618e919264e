import { describe, expect, it } from "vitest";
import { formatDecimal, formatInteger } from "./format";

describe("formatInteger", () => {
  it("writes exactly what Intl.NumberFormat writes, in both languages", () => {
    const values = [0, -0, 1, -1, 7, 12, 999, 1000, -1000, 2.5, -2.5, 1234.49, 1234.5, 99999.5, 214969, 1234567, -987654321, 1e14 + 3, 1e15, 5e20, NaN, Infinity, -Infinity];
    let seed = 42; // a fixed sequence, so a failure repeats
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) values.push(Math.round((next() - 0.5) * 10 ** (1 + (i % 14))) / (i % 3 === 0 ? 10 : 1));
    for (const language of ["de", "en"] as const) {
      const intl = new Intl.NumberFormat(language === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 0 });
      for (const v of values) expect(formatInteger(v, language), `${v}`).toBe(intl.format(v));
    }
  });

  it("groups thousands with a dot in German", () => {
    expect(formatInteger(214969, "de")).toBe("214.969");
    expect(formatInteger(1234567, "de")).toBe("1.234.567");
  });

  it("groups thousands with a comma in English", () => {
    expect(formatInteger(214969, "en")).toBe("214,969");
  });

  it("rounds to whole numbers", () => {
    expect(formatInteger(796.4, "de")).toBe("796");
  });
});

describe("formatDecimal", () => {
  it("uses a decimal comma in German and a point in English", () => {
    expect(formatDecimal(269.91, "de")).toBe("269,91");
    expect(formatDecimal(1371.15, "de")).toBe("1.371,15");
    expect(formatDecimal(1371.15, "en")).toBe("1,371.15");
  });

  it("keeps a fixed number of fraction digits", () => {
    expect(formatDecimal(84.5, "de", 2)).toBe("84,50");
    expect(formatDecimal(796.44, "de", 1)).toBe("796,4");
  });
});

import { describe, expect, it } from "vitest";
import { formatDecimal, formatInteger } from "./format";

describe("formatInteger", () => {
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

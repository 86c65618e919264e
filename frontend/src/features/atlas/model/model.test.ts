import { describe, expect, it } from "vitest";
import { classCount, legendClasses } from "./classes";
import { paletteFor } from "./palette";
import { nextOrder, sortCells } from "./sort";
import { readMapState, writeMapState } from "./query";
import { niceTicks, linearScale } from "./chart";
import { formatSigned, formatWithUnit } from "./format";
import { map } from "../test/fixtures";

describe("legendClasses", () => {
  it("reads the limits of every class (classes + 1 breaks)", () => {
    expect(legendClasses([58, 60, 62, 66.25], 3)).toEqual([
      { index: 0, from: 58, to: 60 },
      { index: 1, from: 60, to: 62 },
      { index: 2, from: 62, to: 66.25 },
    ]);
  });

  it("reads thresholds between classes (classes - 1 breaks) with open ends", () => {
    expect(legendClasses([60, 62], 3)).toEqual([
      { index: 0, to: 60 },
      { index: 1, from: 60, to: 62 },
      { index: 2, from: 62 },
    ]);
  });

  it("counts the classes by the highest class drawn", () => {
    expect(classCount([58, 60, 62, 66.25], 2)).toBe(3);
    expect(classCount([1, 2, 3, 4, 5, 6], -1)).toBe(5);
  });
});

describe("paletteFor", () => {
  it("takes ColorBrewer's YlGnBu for sequential and PuOr for diverging schemes", () => {
    expect(paletteFor({ name: "sequential", reversed: false }, 3)).toEqual(["#edf8b1", "#7fcdbb", "#2c7fb8"]);
    expect(paletteFor({ name: "diverging", reversed: false }, 3)).toEqual(["#f1a340", "#f7f7f7", "#998ec3"]);
  });

  it("turns the palette round when the server says reversed", () => {
    expect(paletteFor({ name: "sequential", reversed: true }, 5)).toEqual(
      [...paletteFor({ name: "sequential", reversed: false }, 5)].reverse(),
    );
  });

  it("has as many colours as classes from 2 to 7", () => {
    for (let n = 2; n <= 7; n++) expect(paletteFor({ name: "diverging", reversed: false }, n)).toHaveLength(n);
  });
});

describe("sortCells", () => {
  const cells = map().values;
  it("sorts by value in both directions and keeps cells without a value last", () => {
    const desc = sortCells(cells, { by: "value", direction: "descending" }).map((c) => c.name);
    expect(desc).toEqual(["Gotha", "Erfurt", "Weimar", "Ilm-Kreis", "Gera", "Suhl"]);
    const asc = sortCells(cells, { by: "value", direction: "ascending" }).map((c) => c.name);
    expect(asc).toEqual(["Ilm-Kreis", "Weimar", "Erfurt", "Gotha", "Gera", "Suhl"]);
  });

  it("sorts names in German collation", () => {
    const names = sortCells(cells, { by: "name", direction: "ascending" }).map((c) => c.name);
    expect(names).toEqual(["Erfurt", "Gera", "Gotha", "Ilm-Kreis", "Suhl", "Weimar"]);
  });

  it("turns the same column round and starts another one", () => {
    expect(nextOrder({ by: "name", direction: "ascending" }, "name")).toEqual({ by: "name", direction: "descending" });
    expect(nextOrder({ by: "name", direction: "ascending" }, "value")).toEqual({ by: "value", direction: "descending" });
  });
});

describe("map state in the address", () => {
  it("round-trips and leaves defaults out", () => {
    const params = new URLSearchParams("lebenslage=arbeit&indicator=beschaeftigtenquote&year=2015&area=16051");
    const state = readMapState(params);
    expect(state).toEqual({ lebenslage: "arbeit", indicator: "beschaeftigtenquote", year: 2015, area: "16051", method: "quantile", classes: 5 });
    expect(writeMapState(state).toString()).toBe(params.toString());
    expect(writeMapState({ ...state, method: "jenks", classes: 7 }).get("classes")).toBe("7");
  });

  it("ignores values the controls cannot produce", () => {
    const state = readMapState(new URLSearchParams("year=abc&method=magic&classes=12"));
    expect(state.year).toBeUndefined();
    expect(state.method).toBe("quantile");
    expect(state.classes).toBe(5);
  });
});

describe("chart helpers", () => {
  it("gives round ticks inside the domain", () => {
    expect(niceTicks([56.3, 66.2], 5)).toEqual([58, 60, 62, 64, 66]);
    expect(niceTicks([1995, 2021], 6)).toEqual([1995, 2000, 2005, 2010, 2015, 2020]);
  });

  it("maps a domain linearly, also upside down", () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(2.5)).toBe(75);
  });
});

describe("number format", () => {
  it("writes German decimals with the unit; counts without", () => {
    expect(formatWithUnit(5.19, { kind: "share", unit: "Prozent" }, "de")).toBe("5,19 Prozent");
    expect(formatWithUnit(14245, { kind: "count", unit: "Anzahl" }, "de")).toBe("14.245");
    expect(formatWithUnit(5.19, { kind: "share", unit: "Prozent" }, "en")).toBe("5.19 Prozent");
  });

  it("signs differences with a real minus", () => {
    expect(formatSigned(1.5, { kind: "share" }, "de")).toBe("+1,50");
    expect(formatSigned(-0.4, { kind: "share" }, "de")).toBe("\u22120,40");
  });
});

import type { AtlasMap } from "../api/atlas";

/**
 * ColorBrewer palettes (Cynthia Brewer, colorbrewer2.org, Apache-2.0), chosen because they stay
 * distinguishable with the common colour-vision deficiencies: YlGnBu for sequential indicators,
 * PuOr for diverging ones. Indexed by the number of classes (3 to 7).
 */
const sequential: Record<number, string[]> = {
  3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
  4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
  5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
  6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
  7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
};

const diverging: Record<number, string[]> = {
  3: ["#f1a340", "#f7f7f7", "#998ec3"],
  4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
  5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
  6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
  7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
};

/** The grey of areas without data; the dotted hatch on top tells it apart without colour. */
export const missingFill = "#d9d9d9";

/**
 * The colours of a map's classes as the server chose the scheme: its name picks the palette and
 * `reversed` turns it round (e.g. for an indicator where higher is worse). Two classes take the
 * ends of the three-class palette; more than seven are not offered by the contract.
 */
export function paletteFor(scheme: AtlasMap["scheme"], classes: number): string[] {
  const table = scheme.name === "diverging" ? diverging : sequential;
  const count = Math.min(Math.max(classes, 2), 7);
  const base = count === 2 ? [table[3]![0]!, table[3]![2]!] : table[count]!;
  return scheme.reversed ? [...base].reverse() : [...base];
}

/** A class of the map's legend: its index and its lower and upper limit. */
export interface LegendClass {
  index: number;
  /** Absent for an open lower class ("unter …"). */
  from?: number;
  /** Absent for an open upper class ("ab …"). */
  to?: number;
}

/**
 * The classes of a map from the server's breaks. The breaks are either the limits of every class
 * from the smallest to the largest value (classes + 1 numbers), or only the thresholds between
 * classes (classes - 1 numbers); both are read, so the legend shows what the server computed.
 */
export function legendClasses(breaks: number[], classes: number): LegendClass[] {
  if (breaks.length >= 2 && breaks.length !== classes - 1) {
    return breaks.slice(0, -1).map((from, index) => ({ index, from, to: breaks[index + 1]! }));
  }
  if (breaks.length === 0) return [];
  const result: LegendClass[] = [{ index: 0, to: breaks[0]! }];
  for (let i = 1; i < breaks.length; i++) result.push({ index: i, from: breaks[i - 1]!, to: breaks[i]! });
  result.push({ index: breaks.length, from: breaks[breaks.length - 1]! });
  return result;
}

/**
 * How many classes the server drew: the requested number when the breaks fit it in either form;
 * otherwise (fewer distinct values than classes) what the breaks and the cells' classes show.
 */
export function classCount(breaks: number[], requested: number, highestClass: number): number {
  if (breaks.length === requested + 1 || breaks.length === requested - 1) return requested;
  return Math.max(highestClass + 1, breaks.length - 1, 1);
}

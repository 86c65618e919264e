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
 * How many classes the server drew: one more than the highest class of a value (the largest value
 * always falls into the top class). Without any classified value, what the breaks show as limits.
 */
export function classCount(breaks: number[], highestClass: number): number {
  return highestClass >= 0 ? highestClass + 1 : Math.max(breaks.length - 1, 1);
}

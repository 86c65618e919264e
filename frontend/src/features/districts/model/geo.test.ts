import { geoArea } from "d3-geo";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { projectToWidth, rewind, toAreaGeometry } from "./geo";
import { boundaries, erfurt } from "../../../test/fixtures";

const ccw: Polygon = toAreaGeometry(erfurt.geometry) as Polygon;

describe("rewind", () => {
  it("turns an RFC 7946 (counter-clockwise) polygon into a small area for d3", () => {
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI); // d3 reads it as the rest of the globe
    expect(geoArea(rewind(ccw))).toBeLessThan(0.001);
  });

  it("leaves a polygon that is already clockwise alone", () => {
    const cw = rewind(ccw);
    expect(rewind(cw)).toEqual(cw);
  });

  it("rewinds each part of a multipolygon", () => {
    const multi = toAreaGeometry(boundaries.features[2]!.geometry);
    expect(geoArea(rewind(multi))).toBeLessThan(0.001);
  });
});

describe("projectToWidth", () => {
  it("fits all geometries into the width and derives a height", () => {
    const geometries = boundaries.features.map((f) => toAreaGeometry(f.geometry));
    const map = projectToWidth(geometries, 600, 4);
    expect(map.width).toBe(600);
    expect(map.height).toBeGreaterThan(100);
    expect(map.height).toBeLessThan(600);
    expect(map.paths).toHaveLength(3);
    for (const d of map.paths) {
      expect(d).toMatch(/^M[\d.,LZM-]+Z$/);
      expect(d).not.toContain("NaN");
    }
    const coordinates = map.paths.join("").match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...coordinates)).toBeGreaterThanOrEqual(3.9);
    expect(Math.max(...coordinates)).toBeLessThanOrEqual(600);
  });

  it("draws a multipolygon as one path with several rings", () => {
    const map = projectToWidth([toAreaGeometry(boundaries.features[2]!.geometry)], 400);
    expect(map.paths[0]!.match(/M/g)).toHaveLength(2);
  });

  it("returns nothing for no geometries", () => {
    expect(projectToWidth([], 600)).toEqual({ width: 600, height: 0, paths: [] });
  });
});

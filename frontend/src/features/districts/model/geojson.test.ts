import { describe, expect, it } from "vitest";
import { featureGeometries, parseAreaGeometry, parseJsonObject } from "./geojson";

const polygon = { type: "Polygon", coordinates: [[[11, 50], [11.1, 50], [11.1, 50.1], [11, 50]]] };
const multi = { type: "MultiPolygon", coordinates: [polygon.coordinates] };

describe("GeoJSON input", () => {
  it("reads a geometry, a Feature or a FeatureCollection with one Feature", () => {
    expect(parseAreaGeometry(JSON.stringify(polygon))).toEqual({ ok: true, value: polygon });
    const feature = { type: "Feature", properties: {}, geometry: polygon };
    expect(parseAreaGeometry(JSON.stringify(feature))).toEqual({ ok: true, value: polygon });
    const collection = { type: "FeatureCollection", features: [feature] };
    expect(parseAreaGeometry(JSON.stringify(collection))).toEqual({ ok: true, value: polygon });
    expect(parseAreaGeometry(JSON.stringify(multi))).toEqual({ ok: true, value: multi });
  });

  it("refuses coordinates that cannot be drawn", () => {
    for (const coordinates of [[1, 2], [[[11, 50], [11.1, 50]]], [[[11, "50"], [11.1, 50], [11.1, 50.1], [11, 50]]], []]) {
      expect(parseAreaGeometry(JSON.stringify({ type: "Polygon", coordinates }))).toEqual({
        ok: false,
        problem: { key: "noGeometry" },
      });
    }
  });

  it("says why text cannot be an outline", () => {
    const notJson = parseAreaGeometry("{type: Polygon");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.problem.key).toBe("json");
    expect(parseAreaGeometry("[1, 2]")).toEqual({ ok: false, problem: { key: "notObject" } });
    expect(parseAreaGeometry('{"type": "Point", "coordinates": [11, 50]}')).toEqual({
      ok: false,
      problem: { key: "noGeometry" },
    });
    expect(parseAreaGeometry('{"type": "FeatureCollection", "features": []}')).toEqual({
      ok: false,
      problem: { key: "featureCount" },
    });
  });

  it("parses objects only for the import and lists drawable features by index", () => {
    expect(parseJsonObject("null")).toEqual({ ok: false, problem: { key: "notObject" } });
    const collection = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: null }, { type: "Feature", geometry: polygon }],
    };
    expect(featureGeometries(collection)).toEqual([{ index: 1, geometry: polygon }]);
  });
});

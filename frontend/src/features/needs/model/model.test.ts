import { describe, expect, it } from "vitest";
import type { AssessmentContent } from "../api/needs";
import { noCapabilities as nothing } from "../test/fixtures";
import { listMeasures, queryString, weighingExportHref, noWeighingFilter } from "../api/needs";
import { fakeApi, json, type FakeRequest } from "../../../test/render";
import { toNeedsEvent } from "../api/live";
import { atlasAreaKey, parseNumber, parseWhole, toContent, toValues, validate } from "./assessmentForm";
import { fromLocalInput, toLocalInput } from "./datetime";
import { assessmentButtons } from "./labels";
import { listSignature, mergeById } from "./liveChange";
import { emptyMeasure, toMeasureInput, validateMeasure } from "./measureForm";


const content: AssessmentContent = {
  title: "Schulsozialarbeit am Herrenberg",
  area_ids: [3],
  field: "jugendhilfe",
  groups: [
    { group: "jugendliche", people: 1200 },
    { group: "andere", label: "Pflegende Angehörige", people: 40 },
  ],
  situation: "Viele **Schulabbrüche**.",
  evidence: [{ indicator: "sgb2_quote", area: "16051:SR-3", year: 2023 }],
  offers: "",
  gap: "Keine Stelle",
  proposal: { measure: "Zwei Stellen", fte: 1.5, costs_per_year: 120000, funding: ["Kommune", "ESF"], time_frame: "2027–2029", indicator: "sgb2_quote" },
  priority: "high",
};

describe("the assessment form", () => {
  it("gives back the content it was filled with", () => {
    expect(toContent(toValues(content))).toEqual(content);
  });

  it("reads German and English numbers, and euros with thousands dots", () => {
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("1.5")).toBe(1.5);
    expect(parseNumber("anderthalb")).toBeUndefined();
    expect(parseWhole("120.000")).toBe(120000);
    expect(parseWhole("1,5")).toBeUndefined();
  });

  it("names the fields that cannot be sent as typed", () => {
    const values = { ...toValues(content), title: " ", fte: "viel" };
    values.groups = [{ group: "andere", label: "", people: "einige" }];
    values.evidence = [{ indicator: "sgb2_quote", area: "", year: "2023" }];
    expect(validate(values)).toEqual({ title: "required", fte: "number", "people-0": "whole", "label-0": "required", "evidence-0": "evidence" });
    expect(validate(toValues(content))).toEqual({});
  });

  it("leaves optional numbers out instead of sending zero", () => {
    const sent = toContent({ ...toValues(content), fte: "", costs: "", priority: "" });
    expect(sent.proposal).not.toHaveProperty("fte");
    expect(sent.proposal).not.toHaveProperty("costs_per_year");
    expect(sent).not.toHaveProperty("priority");
  });

  it("keys social areas for the atlas by their code only", () => {
    expect(atlasAreaKey("16051", "SR-3")).toBe("16051:SR-3");
    expect(atlasAreaKey("16051", "")).toBeUndefined();
  });
});

describe("the assessment's buttons", () => {
  it("are exactly those the server allows, in a fixed order", () => {
    expect(assessmentButtons(undefined)).toEqual([]);
    expect(assessmentButtons(nothing)).toEqual([]);
    const can = { ...nothing, withdraw: true, release: true, send_back: true, decline_cosign: true };
    expect(assessmentButtons(can).map((b) => b.action)).toEqual(["release", "send_back", "withdraw", "decline"]);
    expect(assessmentButtons(can).filter((b) => b.reason).map((b) => b.action)).toEqual(["send_back", "decline"]);
    expect(assessmentButtons({ ...nothing, cosign: true, prepare_cosign: true })).toEqual([
      { kind: "cosign", action: "prepare", reason: false },
      { kind: "cosign", action: "sign", reason: false },
    ]);
  });
});

describe("queries", () => {
  it("leave out what is not set", () => {
    expect(queryString({ area: "", field: "bildung", cursor: undefined })).toBe("?field=bildung");
    expect(queryString({})).toBe("");
  });

  it("export the table with the filters shown", () => {
    const href = weighingExportHref(7, "pdf", { ...noWeighingFilter, decision: "partly", q: " Kita ", published: true });
    expect(href).toBe("/api/v1/processes/7/weighing/export?format=pdf&decision=partly&q=Kita&published=true");
  });
});

describe("the needs room", () => {
  it("knows needs.changed frames and nothing else", () => {
    const frame = { room: "needs:7", seq: 3, type: "needs.changed", data: { subject: "assessment", id: 12, status: "submitted" } };
    expect(toNeedsEvent(frame)).toEqual(frame);
    expect(toNeedsEvent({ ...frame, type: "comment.created" })).toBeUndefined();
    expect(toNeedsEvent({ ...frame, data: { subject: "gossip", id: 12 } })).toBeUndefined();
    expect(toNeedsEvent({ ...frame, data: { subject: "review", id: -1 } })).toBeUndefined();
  });

  it("tells a changed list from a replayed one", () => {
    const list = [{ id: 1, status: "submitted", version: 2, progress: { reviewed: 1, assigned: 2 } }];
    expect(listSignature(list)).toBe(listSignature([{ ...list[0]! }]));
    expect(listSignature(list)).not.toBe(listSignature([{ ...list[0]!, progress: { reviewed: 2, assigned: 2 } }]));
    expect(mergeById([{ id: 1, v: "a" }, { id: 2, v: "b" }], [{ id: 2, v: "B" }, { id: 3, v: "c" }])).toEqual([
      { id: 3, v: "c" },
      { id: 1, v: "a" },
      { id: 2, v: "B" },
    ]);
  });
});

describe("dates", () => {
  it("turn a datetime-local value into an instant and back", () => {
    const iso = fromLocalInput("2026-12-24T18:00");
    expect(iso).toMatch(/Z$/);
    expect(toLocalInput(iso!)).toBe("2026-12-24T18:00");
    expect(fromLocalInput("24.12.2026")).toBeUndefined();
  });
});

describe("the measure form", () => {
  it("needs a complete target, not ending before it starts", () => {
    const v = { ...emptyMeasure, title: "Stadtteilzentrum", indicator: "sgb2_quote", area: "16051", baselineYear: "2023", targetYear: "2022", targetValue: "-2,5" };
    expect(validateMeasure(v)).toEqual({ target: "targetYear" });
    expect(validateMeasure({ ...v, targetValue: "" })).toEqual({ target: "target" });
    expect(validateMeasure({ ...v, targetYear: "2028" })).toEqual({});
    expect(toMeasureInput({ ...v, targetYear: "2028", budget: "50.000" })).toMatchObject({
      budget: 50000,
      target: { indicator: "sgb2_quote", area: "16051", baseline_year: 2023, target_year: 2028, value: -2.5 },
    });
    expect(toMeasureInput({ ...emptyMeasure, title: "Ohne Ziel" })).not.toHaveProperty("target");
  });
});

describe("listMeasures", () => {
  it("reads every page of a process's measures", async () => {
    const seen: string[] = [];
    fakeApi({
      "/api/v1/processes/7/measures": (r: FakeRequest) => {
        seen.push(r.url.search);
        return json(r.url.searchParams.get("cursor") ? { items: [{ id: 2 }] } : { items: [{ id: 1 }], next_cursor: "1" });
      },
    });
    expect((await listMeasures(7)).map((m) => m.id)).toEqual([1, 2]);
    expect(seen).toEqual(["?limit=200", "?limit=200&cursor=1"]);
  });
});

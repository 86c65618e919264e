import { describe, expect, it } from "vitest";
import type { Consultation } from "../api/consultations";
import { limits } from "../../../test/fixtures";
import {
  consultationValid,
  consultationValues,
  emptyConsultationValues,
  fromLocalInput,
  toConsultationInput,
  toLocalInput,
  validateConsultation,
  type ConsultationValues,
} from "./consultationForm";

function valid(): ConsultationValues {
  return {
    ...emptyConsultationValues(new Date(2026, 10, 21, 15, 7, 42), [2, 3]),
    title: "Entwurf",
    sections: [{ key: "a", heading: "Ziele", body: "- mehr Treffs" }],
  };
}

describe("date-time inputs", () => {
  it("shows a moment in local time and reads it back", () => {
    const local = toLocalInput("2026-11-21T14:07:00Z");
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe("2026-11-21T14:07:00.000Z");
    expect(fromLocalInput("2026-02-31T10:00")).toBeUndefined();
    expect(fromLocalInput("")).toBeUndefined();
    expect(toLocalInput("nonsense")).toBe("");
  });

  it("opens a new consultation now, to the minute, for four weeks", () => {
    const values = emptyConsultationValues(new Date(2026, 10, 21, 15, 7, 42), [2]);
    expect(values.opensAt).toBe("2026-11-21T15:07");
    expect(values.closesAt).toBe("2026-12-19T15:07");
    expect(values.areaIds).toEqual([2]);
    expect(values.sections).toHaveLength(1);
  });
});

describe("validateConsultation", () => {
  it("accepts a complete consultation", () => {
    expect(consultationValid(validateConsultation(valid(), limits))).toBe(true);
  });

  it("finds what the server would refuse, field by field", () => {
    const values: ConsultationValues = {
      ...valid(),
      title: " ",
      audience: "invited",
      opensAt: "2026-11-21T15:00",
      closesAt: "2026-11-21T14:00",
      sections: [{ key: "a", heading: "", body: "" }],
    };
    const errors = validateConsultation(values, limits);
    expect(errors.fields.title).toEqual({ key: "required" });
    expect(errors.fields.invited).toEqual({ key: "chooseOrganisation" });
    expect(errors.fields.closesAt).toEqual({ key: "closesBeforeOpens" });
    expect(errors.sections.a?.heading).toEqual({ key: "required" });
    expect(validateConsultation({ ...valid(), sections: [] }, limits).fields.sections).toEqual({ key: "needSection" });
    expect(validateConsultation({ ...valid(), opensAt: "" }, limits).fields.opensAt).toEqual({ key: "required" });
    expect(validateConsultation({ ...valid(), title: "x".repeat(201) }, limits).fields.title).toEqual({ key: "tooLong", max: 200 });
  });
});

describe("toConsultationInput", () => {
  it("sends RFC 3339 times, trimmed texts and invitations only for invited audiences", () => {
    const input = toConsultationInput({ ...valid(), title: " Entwurf ", invited: ["awo-erfurt"], moderation: "pre" });
    expect(input).toMatchObject({
      title: "Entwurf",
      audience: "everyone",
      invited_organisations: [],
      moderation: "pre",
      social_area_ids: [2, 3],
      sections: [{ heading: "Ziele", body: "- mehr Treffs" }],
    });
    expect(input.opens_at).toBe(new Date(2026, 10, 21, 15, 7).toISOString());
    const invited = toConsultationInput({ ...valid(), audience: "invited", invited: ["awo-erfurt"] });
    expect(invited.invited_organisations).toEqual(["awo-erfurt"]);
  });

  it("round-trips a consultation's settings", () => {
    const c = {
      title: "Entwurf",
      intro: "Hallo",
      audience: "providers",
      invited_organisations: [],
      moderation: "post",
      opens_at: "2026-11-07T14:43:00Z",
      closes_at: "2027-01-02T14:43:00Z",
      social_area_ids: [2],
      sections: [{ id: 1, heading: "Ausgangslage", body: "Text", html: "<p>Text</p>" }],
    } as unknown as Consultation;
    const input = toConsultationInput(consultationValues(c));
    expect(input).toMatchObject({ title: "Entwurf", audience: "providers", opens_at: "2026-11-07T14:43:00.000Z", closes_at: "2027-01-02T14:43:00.000Z" });
    expect(input.sections).toEqual([{ id: 1, heading: "Ausgangslage", body: "Text" }]);
  });
});

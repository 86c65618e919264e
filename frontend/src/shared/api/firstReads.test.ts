import { describe, expect, it } from "vitest";
import { firstReads, pageReads } from "./firstReads";

describe("pageReads", () => {
  it("names a listed page's reads from its route", () => {
    expect(pageReads("/districts/16051")).toEqual(["/districts/16051", "/districts/16051/social-areas", "/districts/16051/processes"]);
    expect(pageReads("/werkstaetten/3")).toEqual(["/limits", "/workshops/3/session"]);
    const [limits, consultation] = pageReads("/consultations/7");
    expect(limits).toBe("/limits");
    expect(typeof consultation === "object" && consultation.path).toBe("/consultations/7");
    if (typeof consultation === "object") {
      expect(consultation.next({ id: 7, process_id: 4 })).toEqual(["/processes/4"]);
      expect(consultation.next({ id: 7 })).toEqual([]);
      expect(consultation.next(null)).toEqual([]);
    }
  });

  it("reads nothing for unlisted pages, a query, or parameters that are not plain", () => {
    expect(pageReads("/werkstaetten/3/moderation")).toEqual([]);
    expect(pageReads("/atlas", "?indikator=einwohner")).toEqual([]);
    expect(pageReads("/districts/..%2Fme")).toEqual([]);
    expect(pageReads("/districts/a b")).toEqual([]);
  });

  it("always reads the person logged in first", () => {
    expect(firstReads({ pathname: "/", search: "" })).toEqual(["/me", "/districts", "/district-boundaries"]);
    expect(firstReads({ pathname: "/profil", search: "" })).toEqual(["/me"]);
  });
});

import { describe, expect, it } from "vitest";
import { anna, arne, dora, jana, karl, rita } from "../../../test/people";
import { coordinates, isAdmin, managesDistrict, managesOrganisation, memberRole } from "./roles";

describe("role helpers", () => {
  it("recognise admins", () => {
    expect(isAdmin(anna)).toBe(true);
    expect(isAdmin(karl)).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it("recognise the coordinator of a district only", () => {
    expect(coordinates(karl, "16051")).toBe(true);
    expect(coordinates(karl, "16053")).toBe(false);
    expect(coordinates(rita, "16051")).toBe(false);
    expect(coordinates(null, "16051")).toBe(false);
  });

  it("know the role in an organisation", () => {
    expect(memberRole(dora, "diakonie-erfurt")).toBe("admin");
    expect(memberRole(arne, "awo-erfurt")).toBe("member");
    expect(memberRole(arne, "diakonie-erfurt")).toBeUndefined();
  });

  it("let admins and the organisation's provider admins manage it", () => {
    expect(managesOrganisation(anna, "diakonie-erfurt")).toBe(true);
    expect(managesOrganisation(dora, "diakonie-erfurt")).toBe(true);
    expect(managesOrganisation(dora, "awo-erfurt")).toBe(false);
    expect(managesOrganisation(arne, "awo-erfurt")).toBe(false);
    expect(managesOrganisation(null, "awo-erfurt")).toBe(false);
  });

  it("let admins and the district's coordinators run its planning, nobody else", () => {
    expect(managesDistrict(karl, "16051")).toBe(true);
    expect(managesDistrict(anna, "16051")).toBe(true);
    expect(managesDistrict(jana, "16051")).toBe(false);
    expect(managesDistrict(jana, "16053")).toBe(true);
    expect(managesDistrict(rita, "16051")).toBe(false);
    expect(managesDistrict(null, "16051")).toBe(false);
  });
});

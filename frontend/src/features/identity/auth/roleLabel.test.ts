import { describe, expect, it } from "vitest";
import { createI18n } from "../../../shared/i18n";
import { anna, dora, karl, rita } from "../../../test/people";
import { roleLabel } from "./roleLabel";

describe("roleLabel", () => {
  const de = createI18n("de").t;
  const en = createI18n("en").t;

  it("names every role in German, with district and organisation names from /me", () => {
    expect(roleLabel(anna.roles[0]!, de, anna)).toBe("Administration");
    expect(roleLabel(karl.roles[0]!, de, karl)).toBe("Planungskoordination Erfurt (16051)");
    expect(roleLabel(dora.roles[0]!, de, dora)).toBe("Trägerleitung: Diakonie Erfurt");
    expect(roleLabel({ role: "provider_member", organisation: "awo-erfurt", source: "claim" }, de, {
      organisations: [{ slug: "awo-erfurt", name: "AWO Erfurt" }],
    })).toBe("Mitglied: AWO Erfurt");
    expect(roleLabel(rita.roles[0]!, de)).toBe("Bürgerin/Bürger");
  });

  it("falls back to the district key and the organisation's slug", () => {
    expect(roleLabel({ role: "coordinator", district_key: "16053", source: "platform" }, de)).toBe(
      "Planungskoordination 16053",
    );
    expect(roleLabel({ role: "provider_admin", organisation: "neu", source: "claim" }, de)).toBe("Trägerleitung: neu");
  });

  it("speaks English too", () => {
    expect(roleLabel(karl.roles[0]!, en, karl)).toBe("Planning coordination Erfurt (16051)");
    expect(roleLabel(dora.roles[0]!, en, dora)).toBe("Organisation lead: Diakonie Erfurt");
    expect(roleLabel(rita.roles[0]!, en)).toBe("Resident");
    expect(roleLabel(anna.roles[0]!, en)).toBe("Administration");
  });
});

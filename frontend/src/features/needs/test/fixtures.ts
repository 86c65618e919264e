import type { Assessment, AssessmentCapabilities, NeedsCall } from "../api/needs";
import type { AtlasCatalogue } from "../../atlas/api/atlas";

/** Capabilities with nothing allowed; a test turns on what its person may do. */
export const noCapabilities: AssessmentCapabilities = {
  edit: false,
  request_release: false,
  release: false,
  send_back: false,
  submit: false,
  withdraw: false,
  invite_cosigners: false,
  prepare_cosign: false,
  cosign: false,
  decline_cosign: false,
  review: false,
  assign: false,
  ask: false,
  answer: false,
  see_versions: false,
};

/** A call of process 7 in Erfurt, limited to social area 3. */
export function needsCall(rest: Partial<NeedsCall> = {}): NeedsCall {
  return {
    id: 5,
    process_id: 7,
    district_key: "16051",
    title: "Bedarfe Jugendhilfe 2027",
    guidance: "Bitte bis Weihnachten.",
    guidance_html: "<p>Bitte bis Weihnachten.</p>",
    area_ids: [3],
    fields: ["jugendhilfe"],
    deadline: "2026-12-24T17:00:00Z",
    audience: "providers",
    invited: [],
    open: true,
    created_at: "2026-12-01T09:00:00Z",
    can_manage: false,
    can_submit_as: [],
    room: "needs:7",
    ...rest,
  };
}

/** An assessment of the Diakonie in call 5; `can` says what the test's person may do. */
export function assessment(can: Partial<AssessmentCapabilities>, rest: Partial<Assessment> = {}): Assessment {
  return {
    id: 12,
    call_id: 5,
    call_title: "Bedarfe Jugendhilfe 2027",
    process_id: 7,
    district_key: "16051",
    org: "diakonie-erfurt",
    org_name: "Diakonie Erfurt (Beispiel)",
    signers: "eingereicht von Diakonie Erfurt (Beispiel)",
    status: "draft",
    version: 2,
    content: {
      title: "Schulsozialarbeit am Herrenberg",
      area_ids: [3],
      field: "jugendhilfe",
      groups: [{ group: "jugendliche", people: 1200 }],
      situation: "Viele Schulabbrüche.",
      evidence: [{ indicator: "sgb2_quote", area: "16051", year: 2021, value: 12.5, title: "SGB-II-Quote", area_name: "Erfurt", unit: "Prozent", ref: "sgb2_quote/16051/2021" }],
      proposal: { measure: "Zwei Stellen" },
    },
    html: { situation: "<p>Viele Schulabbrüche.</p>", offers: "", gap: "", measure: "<p>Zwei Stellen</p>" },
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T11:00:00Z",
    cosigners: [],
    can: { ...noCapabilities, ...can },
    queries: [],
    reviews: [],
    ...rest,
  };
}

/** An atlas catalogue with one indicator. */
export const catalogue: AtlasCatalogue = {
  lebenslagen: ["einkommen_armut"],
  indicators: [{ key: "sgb2_quote", name_de: "SGB-II-Quote", name_en: "SGB II rate", lebenslage: "einkommen_armut", kind: "share", direction: "higher_worse", unit: "Prozent", years: [2020, 2021] }],
  actions: [],
  import_scopes: [],
  attribution: "Statistik",
};

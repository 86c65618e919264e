import type { AssessmentCapabilities, CoSignAction, MeasureStatus, TargetGroup, TransitionAction, WeighingValue } from "../api/needs";

/** The target groups in the order the form offers them (the contract's enum). */
export const targetGroups: readonly TargetGroup[] = [
  "kinder",
  "jugendliche",
  "familien",
  "alleinerziehende",
  "aeltere",
  "pflegebeduerftige",
  "behinderung",
  "zugewanderte",
  "langzeitarbeitslose",
  "wohnungslose",
  "sucht",
  "andere",
];

/** The values of a weighing, from the most to the least taken up. */
export const weighingValues: readonly WeighingValue[] = ["considered", "partly", "not_considered", "noted"];

export const measureStatuses: readonly MeasureStatus[] = ["planned", "adopted", "in_progress", "done", "discarded"];

export const priorities = ["high", "medium", "low"] as const;
export type Priority = (typeof priorities)[number];

/** A button of the assessment page: a transition of the draft or an answer to a co-signing request. */
export type AssessmentButton =
  | { kind: "transition"; action: TransitionAction; reason: boolean }
  | { kind: "cosign"; action: CoSignAction; reason: boolean };

// The order in which the buttons appear, each with the capability that shows it. Which ones the
// person may use is the server's answer (Assessment.can); nothing here decides it.
const buttons: readonly (AssessmentButton & { can: keyof AssessmentCapabilities })[] = [
  { can: "request_release", kind: "transition", action: "request_release", reason: false },
  { can: "release", kind: "transition", action: "release", reason: false },
  { can: "send_back", kind: "transition", action: "send_back", reason: true },
  { can: "submit", kind: "transition", action: "submit", reason: false },
  { can: "withdraw", kind: "transition", action: "withdraw", reason: false },
  { can: "prepare_cosign", kind: "cosign", action: "prepare", reason: false },
  { can: "cosign", kind: "cosign", action: "sign", reason: false },
  { can: "decline_cosign", kind: "cosign", action: "decline", reason: true },
];

/** The buttons the server's capabilities allow, in their order; none without capabilities. */
export function assessmentButtons(can: AssessmentCapabilities | undefined): AssessmentButton[] {
  if (!can) return [];
  return buttons.filter((b) => can[b.can]).map(({ kind, action, reason }) => ({ kind, action, reason }) as AssessmentButton);
}

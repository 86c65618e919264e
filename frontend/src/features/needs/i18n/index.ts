import type { FeatureTexts } from "../../../shared/i18n/lazyTexts";
import { deNeeds } from "./de";
import { enNeeds } from "./en";

/** The needs pages' texts; they load with the pages (see shared/i18n/lazyTexts). */
export const needsTexts: FeatureTexts = { de: deNeeds, en: enNeeds };

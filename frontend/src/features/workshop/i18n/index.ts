import type { FeatureTexts } from "../../../shared/i18n/lazyTexts";
import { deWorkshop } from "./de";
import { enWorkshop } from "./en";

/** The workshop pages' texts; they load with the pages (see shared/i18n/lazyTexts). */
export const workshopTexts: FeatureTexts = { de: deWorkshop, en: enWorkshop };

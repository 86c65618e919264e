import type { FeatureTexts } from "../../../shared/i18n/lazyTexts";
import { deAtlas } from "./de";
import { enAtlas } from "./en";

/** The atlas pages' texts; they load with the pages (see shared/i18n/lazyTexts). */
export const atlasTexts: FeatureTexts = { de: deAtlas, en: enAtlas };

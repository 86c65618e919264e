import type { FeatureTexts } from "../../../../shared/i18n/lazyTexts";
import { deAtlasImport } from "./de";
import { enAtlasImport } from "./en";

/** The import page's texts; they load with the page (see shared/i18n/lazyTexts). */
export const atlasImportTexts: FeatureTexts = { de: deAtlasImport, en: enAtlasImport };

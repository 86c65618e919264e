import "i18next";
import type { Messages } from "./de";
import type { deAtlas } from "../../features/atlas/i18n/de";
import type { deAtlasImport } from "../../features/atlas/import/i18n/de";
import type { deNeeds } from "../../features/needs/i18n/de";
import type { deWorkshop } from "../../features/workshop/i18n/de";

// The keys of the texts that load with their pages (shared/i18n/lazyTexts) are typed too.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages & typeof deAtlas & typeof deAtlasImport & typeof deNeeds & typeof deWorkshop };
    returnNull: false;
  }
}

import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../i18n";

/** The current interface language, for number formatting and the language switch. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}

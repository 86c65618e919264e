import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de";
import { en } from "./en";

/** The languages of the interface; German comes first and is the default. */
export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "de";

/** The localStorage key that remembers the visitor's choice. */
export const languageStorageKey = "teilhabe.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** The stored choice, or German. Storage may be unavailable (privacy modes), which is not an error. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(languageStorageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page itself still switches.
  }
}

/**
 * Creates an i18next instance with all texts bundled (no runtime fetch), so the first render is
 * already translated. A fresh instance per call keeps tests independent of each other.
 */
export function createI18n(language: Language = storedLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on("languageChanged", rememberLanguage);
  return instance;
}

/** The current language of an instance, narrowed to the supported ones. */
export function currentLanguage(instance: i18n): Language {
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : defaultLanguage;
}

import { useTranslation } from "react-i18next";
import { languages } from "../i18n";
import { useLanguage } from "../hooks/useLanguage";

/**
 * Two toggle buttons, each labelled in its own language (and marked up with that language, so
 * screen readers pronounce it correctly); the pressed one is the current language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLanguage();
  return (
    <div role="group" aria-label={t("language.label")} className="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          className="language-switch__button"
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}

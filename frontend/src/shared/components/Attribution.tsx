import { useTranslation } from "react-i18next";

/**
 * The source and licence of shown data, as the API delivers it; required by the data licences.
 * The citation stays German in every interface language, so it is marked up as German.
 */
export function Attribution({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <p className="attribution">
      <span className="attribution__label">{t("attribution.label")}:</span> <span lang="de">{text}</span>
    </p>
  );
}

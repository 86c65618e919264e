import { useTranslation } from "react-i18next";

/** The visible label of made-up demonstration data: "Beispieldaten". */
export function ExampleBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--example">{t("areas.example")}</span>;
}

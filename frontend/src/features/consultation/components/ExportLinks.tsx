import { useTranslation } from "react-i18next";
import { exportHref } from "../api/consultations";

/** Plain download links of the consultation report (every comment with status, supports, flags, response). */
export function ExportLinks({ consultationId }: { consultationId: number }) {
  const { t } = useTranslation();
  return (
    <ul className="link-list">
      <li>
        <a href={exportHref(consultationId, "csv")} download>
          {t("moderation.exportCsv")}
        </a>
      </li>
      <li>
        <a href={exportHref(consultationId, "xlsx")} download>
          {t("moderation.exportXlsx")}
        </a>
      </li>
    </ul>
  );
}

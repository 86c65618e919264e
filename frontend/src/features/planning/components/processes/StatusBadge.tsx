import { useTranslation } from "react-i18next";
import type { ProcessStatus } from "../../api/processes";

/** A process's status in words, e.g. "Entwurf" or "Veröffentlicht (laufend)". */
export function StatusBadge({ status }: { status: ProcessStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`processes.status.${status}`)}</span>;
}

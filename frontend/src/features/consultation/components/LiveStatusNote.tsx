import { useTranslation } from "react-i18next";
import type { LiveStatus } from "../api/live";

/**
 * The state of the live connection in words ("Live", "Verbindung wird wiederhergestellt"), with a
 * symbol that only repeats it. Not a live region: a flaky network must not keep talking.
 */
export function LiveStatusNote({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`live-status live-status--${status}`}>
      <span className="live-status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t("live.label")} </span>
      {t(`live.status.${status}`)}
    </p>
  );
}

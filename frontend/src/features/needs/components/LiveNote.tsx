import { useTranslation } from "react-i18next";
import type { LiveStatus } from "../../consultation/api/live";

/**
 * The page's polite live region: it tells that the list or the assessment was re-read because
 * someone changed it, without moving the focus; and, visibly, when live updates are paused.
 */
export function LiveNote({ status, news }: { status: LiveStatus; news: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <div aria-live="polite" className="needs-live">
        {news && <p className="status">{news}</p>}
      </div>
      {(status === "reconnecting" || status === "revoked") && <p className="hint">{t(`needs.live.${status}`)}</p>}
    </>
  );
}

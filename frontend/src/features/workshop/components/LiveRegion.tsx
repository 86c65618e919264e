import { useTranslation } from "react-i18next";
import type { LiveStatus } from "../../consultation/api/live";
import type { WorkshopSessionHook } from "./useWorkshopSession";

/**
 * The page's one polite live region: a short summary of what arrived ("Neue Frage"), never the
 * whole list; and, visibly, a note while live updates are paused.
 */
export function LiveRegion({ notice, live }: { notice: WorkshopSessionHook["notice"]; live: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <div aria-live="polite" className="visually-hidden">
        {notice && <p key={notice.n}>{t(`workshop.live.${notice.key}` as "workshop.live.moduleOpened", { title: "", ...notice.values })}</p>}
      </div>
      {(live === "reconnecting" || live === "revoked") && <p className="hint">{t(`workshop.connection.${live}`)}</p>}
    </>
  );
}

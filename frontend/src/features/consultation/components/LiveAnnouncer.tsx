import { useTranslation } from "react-i18next";
import type { Notice } from "../model/thread";

/**
 * The page's one polite live region: it tells screen-reader users what arrived live ("Neuer
 * Beitrag von …"), without moving focus. It is always present and visually hidden; the new
 * comments themselves are visible on the page.
 */
export function LiveAnnouncer({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" className="visually-hidden live-announcer">
      {notices.map((notice) => (
        <p key={notice.id}>{t(`live.notice.${notice.kind}`, { author: notice.author })}</p>
      ))}
    </div>
  );
}

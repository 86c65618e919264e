import { useTranslation } from "react-i18next";
import type { Section } from "../api/consultations";
import { sectionKey, type SectionCount } from "../model/thread";
import { ServerHtml } from "./ServerHtml";

interface PlanDocumentProps {
  sections: readonly Section[];
  counts: Readonly<Record<string, SectionCount>>;
  /** Offers "Kommentieren" (while the consultation is open). */
  canWrite: boolean;
  onComment: (section: number) => void;
  onShowComments: (section: number) => void;
}

/** The plan section by section, each with "Kommentieren" and its comments' count (a filter of the thread). */
export function PlanDocument({ sections, counts, canWrite, onComment, onShowComments }: PlanDocumentProps) {
  const { t } = useTranslation();
  return (
    <ol className="plan">
      {sections.map((section) => {
        const count = counts[sectionKey(section.id)];
        const countText = count
          ? count.more
            ? t("consultation.sectionCountMore", { count: count.ids.length })
            : t("consultation.sectionCount", { count: count.ids.length })
          : undefined;
        return (
          <li key={section.id} className="plan__section">
            <div>
              <h3>{section.heading}</h3>
              <ServerHtml html={section.html} />
              <p className="button-row plan__actions">
                {canWrite && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t("consultation.commentSectionLabel", { heading: section.heading })}
                    onClick={() => onComment(section.id)}
                  >
                    {t("consultation.commentSection")}
                  </button>
                )}
                {countText && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("consultation.showSectionCommentsLabel", { comments: countText, heading: section.heading })}
                    onClick={() => onShowComments(section.id)}
                  >
                    {countText}
                  </button>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

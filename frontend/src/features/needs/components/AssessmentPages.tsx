import { useTranslation } from "react-i18next";
import type { AssessmentPage } from "../api/needs";
import { AssessmentCard } from "./AssessmentCard";
import { MoreButton } from "./MoreButton";
import { usePaged } from "./usePaged";

/** A list of assessments with "Mehr laden". */
export function AssessmentPages({ first, more }: { first: AssessmentPage; more: (cursor: string) => Promise<AssessmentPage> }) {
  const { t } = useTranslation();
  const paged = usePaged(first, more);
  if (paged.items.length === 0) return <p>{t("needs.dashboard.none")}</p>;
  return (
    <>
      <p ref={paged.summaryRef} tabIndex={-1} className="list-summary">
        {t("needs.shown", { count: paged.items.length })}
      </p>
      <ul className="needs-cards">
        {paged.items.map((a) => (
          <AssessmentCard key={a.id} assessment={a} />
        ))}
      </ul>
      <MoreButton paged={paged} />
    </>
  );
}


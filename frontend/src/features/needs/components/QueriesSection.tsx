import { useTranslation } from "react-i18next";
import { answerQuery, askQuery, type Assessment } from "../api/needs";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { TextForm } from "./TextForm";

interface QueriesSectionProps {
  assessment: Assessment;
  onChanged: (assessment: Assessment) => void;
}

/** Rückfragen: the coordinators' private questions to the submitting organisation, and its answers. */
export function QueriesSection({ assessment, onChanged }: QueriesSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queries = assessment.queries ?? [];
  const can = assessment.can;
  if (queries.length === 0 && !can?.ask) return null;
  return (
    <section aria-labelledby="queries-heading">
      <h2 id="queries-heading">{t("needs.queries.heading")}</h2>
      {queries.length === 0 && <p>{t("needs.queries.none")}</p>}
      <ol className="needs-queries">
        {queries.map((q) => (
          <li key={q.id} className="needs-card">
            <p className="needs-card__meta">
              {t("needs.queries.asked", { name: q.asker_name, date: formatDateTimeShort(q.asked_at, language) })}
            </p>
            <p className="needs-text">{q.question}</p>
            {q.answer ? (
              <>
                <p className="needs-card__meta">
                  {t("needs.queries.answered", { name: q.answerer_name ?? "", date: q.answered_at ? formatDateTimeShort(q.answered_at, language) : "" })}
                </p>
                <p className="needs-text">{q.answer}</p>
              </>
            ) : (
              can?.answer && (
                <TextForm
                  label={t("needs.queries.answer")}
                  button={t("needs.queries.answerButton")}
                  savedMessage={t("needs.queries.answerSaved")}
                  onSend={async (text) => onChanged(await answerQuery(q.id, text))}
                />
              )
            )}
          </li>
        ))}
      </ol>
      {can?.ask && (
        <TextForm
          label={t("needs.queries.ask")}
          button={t("needs.queries.askButton")}
          savedMessage={t("needs.queries.asked_done")}
          onSend={async (text) => onChanged(await askQuery(assessment.id, text))}
        />
      )}
    </section>
  );
}

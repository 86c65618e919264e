import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { assignReviewer, saveReview, unassignReviewer, type Assessment, type WeighingValue } from "../api/needs";
import { weighingValues } from "../model/labels";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { RadioGroup } from "../../../shared/form/RadioGroup";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { useAuth } from "../../identity/auth/useAuth";
import { TextForm } from "./TextForm";
import { useLimits } from "../../../shared/hooks/useLimits";
import { ConfirmAction } from "../../../shared/components/ConfirmAction";

interface ReviewSectionProps {
  assessment: Assessment;
  onChanged: (assessment: Assessment) => void;
}

/** Prüfung: assigning reviewers, one's own review, and the others' recommendations (so disagreement shows). */
export function ReviewSection({ assessment, onChanged }: ReviewSectionProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const can = assessment.can;
  const reviews = assessment.reviews ?? [];
  if (!can?.assign && !can?.review && reviews.length === 0) return null;
  const own = reviews.find((r) => r.reviewer_id === user?.id);
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t("needs.review.heading")}</h2>
      {assessment.progress && (
        <p>
          {t("needs.workbench.progress", { reviewed: assessment.progress.reviewed, assigned: assessment.progress.assigned })}
          {assessment.progress.disagreement && <span className="badge needs-badge--warn"> {t("needs.workbench.disagreement")}</span>}
        </p>
      )}
      {reviews.length > 0 && (
        <ul className="needs-reviews">
          {reviews.map((r) => (
            <li key={r.reviewer_id}>
              <strong>{r.reviewer_name}</strong>: {r.recommendation ? t(`needs.values.${r.recommendation}`) : t("needs.review.open")}
              {r.comment && <> – {r.comment}</>}
              {can?.assign && (
                <>
                  {" "}
                  <ConfirmAction
                    small
                    label={t("needs.review.remove")}
                    accessibleLabel={t("needs.review.removeLabel", { name: r.reviewer_name })}
                    question={t("needs.review.removeQuestion", { name: r.reviewer_name })}
                    confirmLabel={t("needs.review.remove")}
                    onConfirm={async () => onChanged(await unassignReviewer(assessment.id, r.reviewer_id))}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {can?.assign && (
        <TextForm
          single
          label={t("needs.review.assign")}
          button={t("needs.review.assignButton")}
          savedMessage={t("needs.review.assigned")}
          problem={(text) => (/^[1-9]\d{0,17}$/.test(text) ? undefined : t("needs.review.idInvalid"))}
          onSend={async (text) => onChanged(await assignReviewer(assessment.id, Number(text)))}
        />
      )}
      {can?.review && <ReviewForm key={own?.updated_at ?? "new"} assessment={assessment} onChanged={onChanged} initial={own} />}
    </section>
  );
}

function ReviewForm({ assessment, onChanged, initial }: ReviewSectionProps & { initial: Assessment["reviews"] extends (infer R)[] | undefined ? R | undefined : never }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [recommendation, setRecommendation] = useState<WeighingValue | "">(initial?.recommendation ?? "");
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [note, setNote] = useState(initial?.note ?? "");
  const save = async () => {
    onChanged(await saveReview(assessment.id, { ...(recommendation ? { recommendation } : {}), comment, note }));
  };
  return (
    <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, () => true, save)}>
      <h3>{t("needs.review.own")}</h3>
      <RadioGroup
        legend={t("needs.review.recommendation")}
        name="review-recommendation"
        options={[{ value: "" as const, label: t("needs.review.none") }, ...weighingValues.map((v) => ({ value: v, label: t(`needs.values.${v}`) }))]}
        value={recommendation}
        onChange={setRecommendation}
      />
      <Field label={t("needs.review.comment")} hint={t("needs.review.commentHint")}>
        {(c) => <textarea {...c} rows={3} value={comment} maxLength={limits?.needs_reason} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Field label={t("needs.review.note")} hint={t("needs.review.noteHint")}>
        {(c) => <textarea {...c} rows={3} value={note} maxLength={limits?.needs_reason} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormActions form={form} label={t("needs.review.save")} savedMessage={t("needs.review.saved")} />
    </form>
  );
}

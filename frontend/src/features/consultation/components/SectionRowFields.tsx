import { useTranslation } from "react-i18next";
import type { SectionDraft, SectionErrors } from "../model/consultationForm";
import { fieldErrorText } from "../../../shared/lib/validation";
import { Field } from "../../../shared/form/Field";
import { RowMoveButtons } from "../../../shared/form/RowMoveButtons";

interface SectionRowFieldsProps {
  row: SectionDraft;
  /** The row's position, from 0. */
  index: number;
  count: number;
  errors: SectionErrors;
  onChange: (patch: Partial<SectionDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One section of the plan in the editor: heading, Markdown text, and buttons to move or remove it. */
export function SectionRowFields({ row, index, count, errors, onChange, onMove, onRemove }: SectionRowFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  return (
    <fieldset className="fieldset section-row" data-section={row.key}>
      <legend>{t("consultationForm.sectionLegend", { number })}</legend>
      <Field label={t("consultationForm.sectionHeading")} required error={fieldErrorText(errors.heading, t)}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            data-focus="heading"
            type="text"
            value={row.heading}
            onChange={(e) => onChange({ heading: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("consultationForm.sectionBody")} hint={t("consultationForm.markdownHint")} error={fieldErrorText(errors.body, t)}>
        {(control) => (
          <textarea
            {...control}
            className="field__control"
            rows={6}
            value={row.body}
            onChange={(e) => onChange({ body: e.target.value })}
          />
        )}
      </Field>
      <RowMoveButtons
        index={index}
        count={count}
        labels={{
          moveUp: t("consultationForm.moveUpLabel", { number }),
          moveDown: t("consultationForm.moveDownLabel", { number }),
          remove: t("consultationForm.removeLabel", { number }),
        }}
        removeDisabled={count === 1}
        onMove={onMove}
        onRemove={onRemove}
      />
    </fieldset>
  );
}

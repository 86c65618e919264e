import { useTranslation } from "react-i18next";
import { isPhaseKind, phaseKinds } from "../../api/processes";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { phaseProblemText, type PhaseDraft, type PhaseErrors } from "../../model/phases";
import { Field } from "../../../../shared/form/Field";
import { RowMoveButtons } from "../../../../shared/form/RowMoveButtons";

interface PhaseRowFieldsProps {
  row: PhaseDraft;
  /** The row's position, from 0. */
  index: number;
  count: number;
  /** The row's problems, shown once the editor has been submitted. */
  errors: PhaseErrors;
  onChange: (patch: Partial<PhaseDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One phase of the editor: kind, own title, start and end date, and buttons to move or remove it. */
export function PhaseRowFields({ row, index, count, errors, onChange, onMove, onRemove }: PhaseRowFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = index + 1;
  return (
    <fieldset className="fieldset phase-row" data-phase={row.key}>
      <legend>{t("phases.legend", { number })}</legend>
      <div className="form__row">
        <Field label={t("phases.kindLabel")}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              data-focus="kind"
              value={row.kind}
              onChange={(e) => {
                if (isPhaseKind(e.target.value)) onChange({ kind: e.target.value });
              }}
            >
              {phaseKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`phases.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t("phases.titleLabel")}
          hint={t("phases.titleHint")}
          required={row.kind === "eigene"}
          error={phaseProblemText(errors.title, t, language)}
        >
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="text"
              value={row.title}
              onChange={(e) => onChange({ title: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t("phases.start")} required error={phaseProblemText(errors.startsOn, t, language)}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="date"
              value={row.startsOn}
              onChange={(e) => onChange({ startsOn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("phases.end")} required error={phaseProblemText(errors.endsOn, t, language)}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="date"
              min={row.startsOn || undefined}
              value={row.endsOn}
              onChange={(e) => onChange({ endsOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      <RowMoveButtons
        index={index}
        count={count}
        labels={{
          moveUp: t("phases.moveUpLabel", { number }),
          moveDown: t("phases.moveDownLabel", { number }),
          remove: t("phases.removeLabel", { number }),
        }}
        onMove={onMove}
        onRemove={onRemove}
      />
    </fieldset>
  );
}

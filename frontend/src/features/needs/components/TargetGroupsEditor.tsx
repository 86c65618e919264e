import { useTranslation } from "react-i18next";
import type { TargetGroup } from "../api/needs";
import type { AssessmentErrors, GroupRow } from "../model/assessmentForm";
import { targetGroups } from "../model/labels";
import { Field } from "../../../shared/form/Field";
import { RemoveRow } from "./Choice";
import { useLimits } from "../../../shared/hooks/useLimits";

interface TargetGroupsEditorProps {
  rows: GroupRow[];
  onChange: (rows: GroupRow[]) => void;
  errors: AssessmentErrors;
}

/** The target groups of an assessment, each with the number of people (and a label for "andere"). */
export function TargetGroupsEditor({ rows, onChange, errors }: TargetGroupsEditorProps) {
  const limits = useLimits();
  const { t } = useTranslation();
  const set = (i: number, change: Partial<GroupRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="fieldset fieldset--group">
      <legend>{t("needs.editor.groups")}</legend>
      {rows.length === 0 && <p className="hint">{t("needs.editor.noGroups")}</p>}
      {rows.map((row, i) => (
        <div key={i} className="needs-row">
          <Field label={t("needs.editor.group", { n: i + 1 })}>
            {(c) => (
              <select {...c} value={row.group} onChange={(e) => set(i, { group: e.target.value as TargetGroup })}>
                {targetGroups.map((g) => (
                  <option key={g} value={g}>
                    {t(`needs.groups.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {row.group === "andere" && (
            <Field label={t("needs.editor.groupLabel")} error={errors[`label-${i}`] && t("form.errors.required")} required>
              {(c) => <input {...c} value={row.label} maxLength={limits?.needs_label} onChange={(e) => set(i, { label: e.target.value })} />}
            </Field>
          )}
          <Field label={t("needs.editor.people")} error={errors[`people-${i}`] && t("needs.errors.whole")} required>
            {(c) => <input {...c} inputMode="numeric" value={row.people} onChange={(e) => set(i, { people: e.target.value })} />}
          </Field>
          <RemoveRow label={t("needs.editor.removeGroup", { n: i + 1 })} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      <p>
        <button type="button" className="button button--secondary" onClick={() => onChange([...rows, { group: "kinder", label: "", people: "" }])}>
          {t("needs.editor.addGroup")}
        </button>
      </p>
    </fieldset>
  );
}

import { useTranslation } from "react-i18next";
import type { AtlasIndicator } from "../../atlas/api/atlas";
import { indicatorName } from "../../atlas/model/format";
import type { AssessmentErrors, EvidenceRow } from "../model/assessmentForm";
import { Field } from "../../../shared/form/Field";
import { useLanguage } from "../../../shared/hooks/useLanguage";

/** An area the atlas knows, as evidence can cite it (the district, or one of its social areas). */
export interface AtlasArea {
  key: string;
  name: string;
}

interface EvidenceEditorProps {
  rows: EvidenceRow[];
  onChange: (rows: EvidenceRow[]) => void;
  indicators: readonly AtlasIndicator[];
  areas: readonly AtlasArea[];
  errors: AssessmentErrors;
}

/** The evidence of an assessment: an indicator of the atlas, an area and a year per row; the server cites the value. */
export function EvidenceEditor({ rows, onChange, indicators, areas, errors }: EvidenceEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = (i: number, change: Partial<EvidenceRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="fieldset fieldset--group">
      <legend>{t("needs.editor.evidence")}</legend>
      <p className="hint">{t("needs.editor.evidenceHint")}</p>
      {rows.map((row, i) => {
        const years = [...(indicators.find((x) => x.key === row.indicator)?.years ?? [])].sort((a, b) => b - a);
        return (
          <div key={i} className="needs-row">
            <Field label={t("needs.editor.indicator", { n: i + 1 })} error={errors[`evidence-${i}`] && t("needs.errors.evidence")} required>
              {(c) => (
                <select {...c} value={row.indicator} onChange={(e) => set(i, { indicator: e.target.value, year: "" })}>
                  <option value="">{t("form.choose")}</option>
                  {indicators.map((x) => (
                    <option key={x.key} value={x.key}>
                      {indicatorName(x, language)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t("needs.editor.area")} required>
              {(c) => (
                <select {...c} value={row.area} onChange={(e) => set(i, { area: e.target.value })}>
                  <option value="">{t("form.choose")}</option>
                  {areas.map((a) => (
                    <option key={a.key} value={a.key}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t("needs.editor.year")} required>
              {(c) => (
                <select {...c} value={row.year} onChange={(e) => set(i, { year: e.target.value })}>
                  <option value="">{t("form.choose")}</option>
                  {years.map((y) => (
                    <option key={y} value={String(y)}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <p>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t("needs.editor.removeEvidence", { n: i + 1 })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t("needs.editor.remove")}
              </button>
            </p>
          </div>
        );
      })}
      <p>
        <button type="button" className="button button--secondary" onClick={() => onChange([...rows, { indicator: "", area: areas[0]?.key ?? "", year: "" }])}>
          {t("needs.editor.addEvidence")}
        </button>
      </p>
    </fieldset>
  );
}

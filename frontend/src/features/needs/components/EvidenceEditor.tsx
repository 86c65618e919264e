import { useTranslation } from "react-i18next";
import type { AtlasIndicator } from "../../atlas/api/atlas";
import type { AssessmentErrors, EvidenceRow } from "../model/assessmentForm";
import { indicatorOptions, yearOptions } from "../model/options";
import { Choice, RemoveRow } from "./Choice";
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
        return (
          <div key={i} className="needs-row">
            <Choice
              label={t("needs.editor.indicator", { n: i + 1 })}
              error={errors[`evidence-${i}`] && t("needs.errors.evidence")}
              required
              value={row.indicator}
              options={indicatorOptions(indicators, language)}
              onChange={(indicator) => set(i, { indicator, year: "" })}
            />
            <Choice label={t("needs.editor.area")} required value={row.area} options={areas.map((a) => ({ value: a.key, label: a.name }))} onChange={(area) => set(i, { area })} />
            <Choice label={t("needs.editor.year")} required value={row.year} options={yearOptions(indicators, row.indicator)} onChange={(year) => set(i, { year })} />
            <RemoveRow label={t("needs.editor.removeEvidence", { n: i + 1 })} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />
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

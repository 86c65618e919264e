import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import { createTextModule, decideWeighingItem, type Measure, type TextModule, type WeighingItem, type WeighingValue } from "../api/needs";
import { weighingValues } from "../model/labels";
import { CheckboxGroup } from "../../planning/components/processes/CheckboxGroup";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { SuccessStatus } from "../../../shared/components/SuccessStatus";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { RadioGroup } from "../../../shared/form/RadioGroup";
import { useSaveForm } from "../../../shared/form/useSaveForm";

interface DecisionFormProps {
  item: WeighingItem;
  districtKey: string;
  modules: TextModule[];
  onModule: (module: TextModule) => void;
  measures: readonly Measure[];
  onSaved: (item: WeighingItem) => void;
  /** The decision was prepared for the whole bundle. */
  onBundleSaved: () => void;
}

/** A row's weighing under embargo: the value, the reason (from a text module if wanted) and the measures. */
export function DecisionForm({ item, districtKey, modules, onModule, measures, onSaved, onBundleSaved }: DecisionFormProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [value, setValue] = useState<WeighingValue>(item.working?.value ?? "considered");
  const [reason, setReason] = useState(item.working?.reason ?? "");
  const [measureIds, setMeasureIds] = useState<number[]>(item.working?.measure_ids ?? []);
  const [error, setError] = useState<string>();
  const [wholeBundle, setWholeBundle] = useState(false);
  const [moduleId, setModuleId] = useState("");
  const [moduleTitle, setModuleTitle] = useState("");
  const [moduleFailure, setModuleFailure] = useState<unknown>();
  const [moduleError, setModuleError] = useState<string>();
  const [moduleSaved, setModuleSaved] = useState<string>();

  const check = () => {
    const missing = reason.trim() === "";
    setError(missing ? t("needs.weighing.reasonRequired") : undefined);
    return !missing;
  };
  const save = async () => {
    const saved = await decideWeighingItem(item.id, { value, reason: reason.trim(), measure_ids: measureIds, ...(wholeBundle ? { whole_bundle: true } : {}) });
    if (wholeBundle) onBundleSaved();
    else onSaved(saved);
  };
  const insert = () => {
    const chosen = modules.find((m) => String(m.id) === moduleId);
    if (chosen) setReason((r) => (r.trim() ? `${r.trim()}\n\n${chosen.body}` : chosen.body));
  };
  const keep = async () => {
    setModuleFailure(undefined);
    setModuleSaved(undefined);
    const problem = moduleTitle.trim() === "" ? t("form.errors.required") : reason.trim() === "" ? t("needs.weighing.moduleEmpty") : undefined;
    setModuleError(problem);
    if (problem) return;
    try {
      const created = await createTextModule(districtKey, moduleTitle.trim(), reason.trim());
      onModule(created);
      setModuleTitle("");
      setModuleSaved(t("needs.weighing.moduleSaved", { title: created.title }));
    } catch (e) {
      setModuleFailure(e);
    }
  };

  return (
    <form ref={formRef} noValidate className="form needs-decision" onSubmit={(e) => void form.submit(e, check, save)} aria-label={t("needs.weighing.decisionFor", { summary: item.summary })}>
      <RadioGroup
        legend={t("needs.weighing.decision")}
        name={`decision-${item.id}`}
        options={weighingValues.map((v) => ({ value: v, label: t(`needs.values.${v}`) }))}
        value={value}
        onChange={setValue}
      />
      {modules.length > 0 && (
        <div className="needs-row">
          <Field label={t("needs.weighing.module")}>
            {(c) => (
              <select {...c} value={moduleId} onChange={(e) => setModuleId(e.target.value)}>
                <option value="">{t("form.choose")}</option>
                {modules.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <button type="button" className="button button--secondary" onClick={insert}>
              {t("needs.weighing.insertModule")}
            </button>
          </p>
        </div>
      )}
      <Field label={t("needs.weighing.reason")} error={error} required>
        {(c) => <textarea {...c} rows={4} value={reason} maxLength={limits?.needs_reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="needs-row">
        <Field label={t("needs.weighing.moduleTitle")} error={moduleError}>
          {(c) => <input {...c} value={moduleTitle} maxLength={limits?.name} onChange={(e) => setModuleTitle(e.target.value)} />}
        </Field>
        <p>
          <button type="button" className="button button--secondary" onClick={() => void keep()}>
            {t("needs.weighing.saveModule")}
          </button>
        </p>
      </div>
      <ErrorAlert error={moduleFailure} />
      <SuccessStatus message={moduleSaved} />
      {measures.length > 0 && (
        <CheckboxGroup legend={t("needs.weighing.measures")} options={measures.map((m) => ({ value: m.id, label: m.title }))} checked={measureIds} onChange={setMeasureIds} />
      )}
      {item.bundle_id !== undefined && item.bundle_title && (
        <label className="checkbox">
          <input type="checkbox" className="checkbox__input" checked={wholeBundle} onChange={(e) => setWholeBundle(e.target.checked)} />
          <span>{t("needs.weighing.wholeBundle", { title: item.bundle_title })}</span>
        </label>
      )}
      <FormActions form={form} label={t("needs.weighing.saveDecision")} savedMessage={t("needs.weighing.decisionSaved")} />
    </form>
  );
}

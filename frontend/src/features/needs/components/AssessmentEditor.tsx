import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import { ApiError } from "../../../shared/api/client";
import { saveAssessment, type Assessment } from "../api/needs";
import type { AtlasIndicator } from "../../atlas/api/atlas";
import type { SocialArea } from "../../planning/api/socialAreas";
import { CheckboxGroup } from "../../planning/components/processes/CheckboxGroup";
import { toContent, toValues, validate, type AssessmentErrors, type AssessmentValues } from "../model/assessmentForm";
import { priorities } from "../model/labels";
import { indicatorOptions } from "../model/options";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { RadioGroup } from "../../../shared/form/RadioGroup";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { Choice } from "./Choice";
import { EvidenceEditor, type AtlasArea } from "./EvidenceEditor";
import { TargetGroupsEditor } from "./TargetGroupsEditor";

/** What the editor offers: the call's scope, the atlas's indicators and areas. */
export interface EditorContext {
  /** The social areas of the call's scope (all of the district's when the call names none). */
  areas: readonly SocialArea[];
  /** The fields of the call (all fields when it names none). */
  fields: readonly string[];
  indicators: readonly AtlasIndicator[];
  atlasAreas: readonly AtlasArea[];
}

interface AssessmentEditorProps {
  assessment: Assessment;
  context: EditorContext;
  onSaved: (assessment: Assessment) => void;
  /** Reads the assessment again (after a stale_version conflict). */
  onReload: () => Promise<void>;
}

type TextKey = "situation" | "offers" | "gap" | "measure";

/** The structured form of a draft; saving sends the version edited, so nobody's changes are overwritten. */
export function AssessmentEditor({ assessment, context, onSaved, onReload }: AssessmentEditorProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const language = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [values, setValues] = useState<AssessmentValues>(() => toValues(assessment.content));
  const [base, setBase] = useState(assessment.version);
  const [errors, setErrors] = useState<AssessmentErrors>({});
  const [stale, setStale] = useState(false);
  const change = <K extends keyof AssessmentValues>(key: K, value: AssessmentValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.setSaved(false);
  };

  const check = () => {
    const found = validate(values);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const save = async () => {
    try {
      const saved = await saveAssessment(assessment.id, base, toContent(values));
      setBase(saved.version);
      setStale(false);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === "stale_version") setStale(true);
      throw error;
    }
  };
  const reload = async () => {
    await onReload();
    setStale(false);
    form.setFailure(undefined);
  };

  const text = (key: TextKey, label: string, hint?: string) => (
    <Field label={label} hint={hint ?? t("needs.markdownHint")}>
      {(c) => <textarea {...c} rows={6} value={values[key]} maxLength={limits?.needs_text} onChange={(e) => change(key, e.target.value)} />}
    </Field>
  );

  return (
    <form ref={formRef} noValidate className="form needs-editor" onSubmit={(e) => void form.submit(e, check, save)} aria-labelledby="editor-heading">
      <h2 id="editor-heading">{t("needs.editor.heading")}</h2>
      <Field label={t("needs.editor.title")} error={errors.title && t("form.errors.required")} required>
        {(c) => <input {...c} value={values.title} maxLength={limits?.name} onChange={(e) => change("title", e.target.value)} />}
      </Field>
      <CheckboxGroup
        legend={t("needs.editor.areas")}
        options={context.areas.map((a) => ({ value: a.id, label: a.name }))}
        checked={values.areaIds}
        onChange={(ids) => change("areaIds", ids)}
      />
      <Choice
        label={t("needs.editor.field")}
        value={values.field}
        options={context.fields.map((f) => ({ value: f, label: t(`processes.field.${f}`, { defaultValue: f }) }))}
        onChange={(f) => change("field", f)}
      />
      <TargetGroupsEditor rows={values.groups} onChange={(rows) => change("groups", rows)} errors={errors} />
      {text("situation", t("needs.editor.situation"))}
      <EvidenceEditor rows={values.evidence} onChange={(rows) => change("evidence", rows)} indicators={context.indicators} areas={context.atlasAreas} errors={errors} />
      {text("offers", t("needs.editor.offers"))}
      {text("gap", t("needs.editor.gap"))}
      <fieldset className="fieldset fieldset--group">
        <legend>{t("needs.editor.proposal")}</legend>
        {text("measure", t("needs.editor.measure"))}
        <Field label={t("needs.editor.fte")} hint={t("needs.editor.fteHint")} error={errors.fte && t("needs.errors.number")}>
          {(c) => <input {...c} inputMode="decimal" value={values.fte} onChange={(e) => change("fte", e.target.value)} />}
        </Field>
        <Field label={t("needs.editor.costs")} error={errors.costs && t("needs.errors.whole")}>
          {(c) => <input {...c} inputMode="numeric" value={values.costs} onChange={(e) => change("costs", e.target.value)} />}
        </Field>
        <Field label={t("needs.editor.funding")} hint={t("needs.editor.fundingHint")}>
          {(c) => <textarea {...c} rows={3} value={values.funding} onChange={(e) => change("funding", e.target.value)} />}
        </Field>
        <Field label={t("needs.editor.timeFrame")}>
          {(c) => <input {...c} value={values.timeFrame} maxLength={limits?.needs_label} onChange={(e) => change("timeFrame", e.target.value)} />}
        </Field>
        <Choice label={t("needs.editor.effectIndicator")} value={values.indicator} options={indicatorOptions(context.indicators, language)} onChange={(x) => change("indicator", x)} />
      </fieldset>
      <RadioGroup
        legend={t("needs.editor.priority")}
        name="assessment-priority"
        options={[{ value: "" as const, label: t("needs.priority.none") }, ...priorities.map((p) => ({ value: p, label: t(`needs.priority.${p}`) }))]}
        value={values.priority}
        onChange={(p) => change("priority", p)}
      />
      {stale && (
        <div className="notice" role="alert">
          <p>{t("needs.editor.stale")}</p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            {t("needs.editor.reload")}
          </button>
        </div>
      )}
      <FormActions form={{ ...form, failure: stale ? undefined : form.failure }} label={t("needs.editor.save")} savedMessage={t("needs.editor.saved", { version: base })} />
    </form>
  );
}

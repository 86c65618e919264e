import { useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../districts/api/districts";
import { areaLevels, isAreaLevel, type AreaLevel, type SocialArea } from "../../api/socialAreas";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { parentOptions } from "../../model/areaTree";
import type { AreaGeometry } from "../../../districts/model/geo";
import { parseAreaGeometry } from "../../../districts/model/geojson";
import { fieldErrorText, isValid, maxLength, required, type FieldErrors } from "../../../../shared/lib/validation";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";
import { AreaMap } from "./AreaMap";
import { GeometryInput } from "./GeometryInput";
import { useAreaShapes } from "./useAreaShapes";
import { useLimits } from "../../../../shared/hooks/useLimits";

/** What the form hands over, checked. */
export interface AreaFormResult {
  name: string;
  level: AreaLevel;
  code: string;
  description: string;
  parentId: number | undefined;
  population: number | undefined;
  /** The outline; only when creating. */
  geometry: AreaGeometry | undefined;
}

interface SocialAreaFormProps {
  district: District;
  /** The district's areas, for the parent select (and the preview of a new outline). */
  areas: readonly SocialArea[];
  /** The area to change; without it the form creates one and asks for its outline. */
  area?: SocialArea | undefined;
  submitLabel: string;
  /** Saves; a rejection is shown in the form. */
  onSubmit: (result: AreaFormResult) => Promise<void>;
  onCancel?: (() => void) | undefined;
}

type TextField = "name" | "code" | "description";

const mutedTone = () => "muted" as const;

/**
 * The details of a social area: name, level, code, description, population and the parent,
 * which only offers areas of a wider level of the same district (never the area itself or one
 * of its own sub-areas). A new area also needs its outline as GeoJSON.
 */
export function SocialAreaForm({ district, areas, area, submitLabel, onSubmit, onCancel }: SocialAreaFormProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [name, setName] = useState(area?.name ?? "");
  const [level, setLevel] = useState<AreaLevel>(area?.level ?? "sozialraum");
  const [code, setCode] = useState(area?.code ?? "");
  const [description, setDescription] = useState(area?.description ?? "");
  const [population, setPopulation] = useState(area?.population !== undefined ? String(area.population) : "");
  const [parentId, setParentId] = useState(area?.parent_id !== undefined ? String(area.parent_id) : "");
  const [geometryText, setGeometryText] = useState("");
  const [errors, setErrors] = useState<FieldErrors<TextField>>({});
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const creating = area === undefined;
  const parents = useMemo(() => parentOptions(areas, level, area?.id), [areas, level, area?.id]);
  const parentValue = parents.some((p) => String(p.id) === parentId) ? parentId : "";
  const parsed = useMemo(() => (geometryText.trim() === "" ? undefined : parseAreaGeometry(geometryText)), [geometryText]);
  const populationValid = population.trim() === "" || /^\d{1,15}$/.test(population.trim());

  let geometryError: string | undefined;
  if (parsed && !parsed.ok) {
    geometryError =
      parsed.problem.key === "json"
        ? t("areasAdmin.errors.json", { detail: parsed.problem.detail })
        : t(`areasAdmin.errors.${parsed.problem.key}`);
  } else if (!parsed && submitted) {
    geometryError = t("areasAdmin.errors.geometryRequired");
  }
  const geometry = parsed?.ok ? parsed.value : undefined;

  const existing = useAreaShapes(areas, mutedTone);
  const previewShapes = useMemo(
    () =>
      geometry
        ? [...existing, { key: "new", name: name.trim() || t("areasAdmin.createHeading"), level, geometry, tone: "new" as const }]
        : [],
    [existing, geometry, name, level, t],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors<TextField> = {
      name: required(name) ?? maxLength(name, limits?.name),
      code: maxLength(code, limits?.code),
      description: maxLength(description, limits?.description),
    };
    setErrors(found);
    setSubmitted(true);
    setFailure(undefined);
    if (!isValid(found) || !populationValid || (creating && !geometry)) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      await onSubmit({
        name: name.trim(),
        level,
        code: code.trim(),
        description: description.trim(),
        parentId: parentValue === "" ? undefined : Number(parentValue),
        population: population.trim() === "" ? undefined : Number(population.trim()),
        geometry,
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={t("areasAdmin.fields.name")} required error={fieldErrorText(errors.name, t)}>
        {(control) => (
          <input {...control} className="field__control" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <div className="form__row">
        <Field label={t("areasAdmin.fields.level")}>
          {(control) => (
            <select {...control} className="field__control" value={level} onChange={(e) => {
                if (isAreaLevel(e.target.value)) setLevel(e.target.value);
              }}>
              {areaLevels.map((l) => (
                <option key={l} value={l}>
                  {t(`areas.level.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("areasAdmin.fields.code")} hint={t("areasAdmin.fields.codeHint")} error={fieldErrorText(errors.code, t)}>
          {(control) => (
            <input {...control} className="field__control" type="text" value={code} onChange={(e) => setCode(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t("areasAdmin.fields.parent")} hint={t("areasAdmin.fields.parentHint")}>
        {(control) => (
          <select {...control} className="field__control" value={parentValue} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t("areasAdmin.noParent")}</option>
            {parents.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {t("areas.areaLabel", { name: p.name, level: t(`areas.level.${p.level}`) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t("areasAdmin.fields.population")}
        error={submitted && !populationValid ? t("areasAdmin.errors.population") : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="field__control field__control--short"
            type="text"
            inputMode="numeric"
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
          />
        )}
      </Field>
      <Field label={t("areasAdmin.fields.description")} error={fieldErrorText(errors.description, t)}>
        {(control) => (
          <textarea
            {...control}
            className="field__control"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      {creating && (
        <>
          <GeometryInput
            text={geometryText}
            onTextChange={setGeometryText}
            error={geometryError}
            recognised={geometry ? t("areasAdmin.geometry.recognised", { type: geometry.type }) : undefined}
          />
          {geometry && (
            <AreaMap
              outline={district.geometry}
              shapes={previewShapes}
              label={t("areasAdmin.geometry.previewLabel", { name: district.name })}
              legend={[{ tone: "new", label: name.trim() || t("areasAdmin.createHeading") }]}
            />
          )}
        </>
      )}
      <ErrorAlert error={failure} messages={{ conflict: t("areasAdmin.codeConflict") }} />
      <p className="form__actions button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t("form.saving") : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("areasAdmin.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}

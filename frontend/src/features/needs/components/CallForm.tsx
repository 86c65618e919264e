import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLimits } from "../../../shared/hooks/useLimits";
import { createNeedsCall, type NeedsCall, type NeedsCallInput } from "../api/needs";
import type { Process } from "../../planning/api/processes";
import type { SocialArea } from "../../planning/api/socialAreas";
import { AreaCheckboxes } from "../../planning/components/processes/AreaCheckboxes";
import { CheckboxGroup } from "../../planning/components/processes/CheckboxGroup";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { RadioGroup } from "../../../shared/form/RadioGroup";
import { useSaveForm } from "../../../shared/form/useSaveForm";
import { fromLocalInput } from "../model/datetime";
import { OrgCheckboxes } from "./OrgPicker";

interface CallFormProps {
  process: Pick<Process, "id" | "fields" | "social_area_ids">;
  /** The district's social areas; those of the process are offered. */
  areas: readonly SocialArea[];
  onCreated: (call: NeedsCall) => void;
}

type Audience = NeedsCallInput["audience"];

/** "Aufruf anlegen": a call with its scope (areas, fields of the process), deadline and audience. */
export function CallForm({ process, areas, onCreated }: CallFormProps) {
  const { t } = useTranslation();
  const limits = useLimits();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [title, setTitle] = useState("");
  const [guidance, setGuidance] = useState("");
  const [areaIds, setAreaIds] = useState<number[]>([]);
  const [fields, setFields] = useState<string[]>([]);
  const [deadline, setDeadline] = useState("");
  const [audience, setAudience] = useState<Audience>("providers");
  const [invited, setInvited] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ title?: string; deadline?: string }>({});
  const [created, setCreated] = useState<string>();

  const check = () => {
    const next: typeof errors = {};
    if (title.trim() === "") next.title = t("form.errors.required");
    if (fromLocalInput(deadline) === undefined) next.deadline = t("needs.callForm.deadlineInvalid");
    setErrors(next);
    return Object.keys(next).length === 0;
  };
  const save = async () => {
    const call = await createNeedsCall(process.id, {
      title: title.trim(),
      guidance,
      area_ids: areaIds,
      fields,
      deadline: fromLocalInput(deadline) ?? "",
      audience,
      ...(audience === "invited" ? { invited } : {}),
    });
    setCreated(t("needs.callForm.created", { title: call.title }));
    setTitle("");
    setGuidance("");
    onCreated(call);
  };

  return (
    <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
      <Field label={t("needs.callForm.title")} error={errors.title} required>
        {(c) => <input {...c} value={title} maxLength={limits?.name} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t("needs.callForm.guidance")} hint={t("needs.markdownHint")}>
        {(c) => <textarea {...c} rows={5} value={guidance} onChange={(e) => setGuidance(e.target.value)} />}
      </Field>
      <AreaCheckboxes legend={t("needs.callForm.areas")} areas={areas.filter((a) => process.social_area_ids.includes(a.id))} checked={areaIds} onChange={setAreaIds} />
      <CheckboxGroup
        legend={t("needs.callForm.fields")}
        options={process.fields.map((f) => ({ value: f as string, label: t(`processes.field.${f}`) }))}
        checked={fields}
        onChange={setFields}
      />
      <Field label={t("needs.callForm.deadline")} error={errors.deadline} required>
        {(c) => <input {...c} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
      </Field>
      <RadioGroup
        legend={t("needs.callForm.audience")}
        name="call-audience"
        options={(["providers", "invited"] as const).map((a) => ({ value: a, label: t(`needs.audience.${a}`) }))}
        value={audience}
        onChange={setAudience}
      />
      {audience === "invited" && <OrgCheckboxes legend={t("needs.callForm.invited")} checked={invited} onChange={setInvited} />}
      <FormActions form={form} label={t("needs.callForm.submit")} savedMessage={created} />
    </form>
  );
}

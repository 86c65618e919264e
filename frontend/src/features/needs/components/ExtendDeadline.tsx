import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { extendNeedsCall, type NeedsCall } from "../api/needs";
import { fromLocalInput, toLocalInput } from "../model/datetime";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { useSaveForm } from "../../../shared/form/useSaveForm";

/** "Frist verlängern": the call's coordinators move its deadline later; the server refuses an earlier one. */
export function ExtendDeadline({ call, onChanged }: { call: NeedsCall; onChanged: (call: NeedsCall) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [value, setValue] = useState(toLocalInput(call.deadline));
  const [error, setError] = useState<string>();
  const check = () => {
    const at = fromLocalInput(value);
    const message = at === undefined ? t("needs.callForm.deadlineInvalid") : new Date(at) <= new Date(call.deadline) ? t("needs.call.extend.later") : undefined;
    setError(message);
    return message === undefined;
  };
  const save = async () => onChanged(await extendNeedsCall(call.id, fromLocalInput(value) ?? ""));
  return (
    <section aria-labelledby="extend-heading">
      <h2 id="extend-heading">{t("needs.call.extend.heading")}</h2>
      <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
        <Field label={t("needs.call.extend.label")} error={error} required>
          {(c) => <input {...c} type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <FormActions form={form} label={t("needs.call.extend.button")} savedMessage={t("needs.call.extend.saved")} />
      </form>
    </section>
  );
}

import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../shared/form/Field";
import { FormActions } from "../../../shared/form/FormActions";
import { useSaveForm } from "../../../shared/form/useSaveForm";

interface TextFormProps {
  label: string;
  button: string;
  savedMessage: string;
  /** Sends the text; the field is emptied when it resolves. */
  onSend: (text: string) => Promise<void>;
  maxLength?: number | undefined;
  /** An input instead of a textarea (e.g. an id). */
  single?: boolean;
  /** A further check of the text, answering the message when it is not acceptable. */
  problem?: (text: string) => string | undefined;
}

/** A form of one required text (a question, an answer, an id), with its error and confirmation. */
export function TextForm({ label, button, savedMessage, onSend, maxLength, single = false, problem }: TextFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSaveForm(formRef);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const check = () => {
    const message = text.trim() === "" ? t("form.errors.required") : problem?.(text.trim());
    setError(message);
    return message === undefined;
  };
  const save = async () => {
    await onSend(text.trim());
    setText("");
  };
  return (
    <form ref={formRef} noValidate className="form" onSubmit={(e) => void form.submit(e, check, save)}>
      <Field label={label} error={error} required>
        {(c) =>
          single ? (
            <input {...c} value={text} maxLength={maxLength} onChange={(e) => setText(e.target.value)} />
          ) : (
            <textarea {...c} rows={3} value={text} maxLength={maxLength} onChange={(e) => setText(e.target.value)} />
          )
        }
      </Field>
      <FormActions form={form} label={button} savedMessage={savedMessage} />
    </form>
  );
}

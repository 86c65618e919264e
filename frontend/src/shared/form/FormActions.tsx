import { ErrorAlert } from "../components/ErrorAlert";
import { SuccessStatus } from "../components/SuccessStatus";
import { SubmitRow } from "./SubmitRow";
import type { SaveForm } from "./useSaveForm";

interface FormActionsProps {
  form: Pick<SaveForm, "busy" | "failure" | "saved">;
  label: string;
  /** The confirmation after saving; none when the page moves on. */
  savedMessage: string | undefined;
}

/** The end of a form using useSaveForm: the server's error, the "saved" confirmation and the submit button. */
export function FormActions({ form, label, savedMessage }: FormActionsProps) {
  return (
    <>
      <ErrorAlert error={form.failure} />
      <SuccessStatus message={form.saved ? savedMessage : undefined} />
      <SubmitRow busy={form.busy} label={label} />
    </>
  );
}

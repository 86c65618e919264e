import { useState, type FormEvent, type RefObject } from "react";
import { useFocusFirstInvalid } from "../hooks/useFocusFirstInvalid";

export interface SaveForm {
  busy: boolean;
  /** The server's rejection of the last save, for ErrorAlert. */
  failure: unknown;
  setFailure: (failure: unknown) => void;
  /** Whether the last save succeeded (and nothing was changed since). */
  saved: boolean;
  setSaved: (saved: boolean) => void;
  /**
   * Handles the form's submit event: `check` validates (and shows the errors); when it fails, the
   * focus moves to the first invalid control, otherwise `save` runs, and the form is marked saved
   * when it resolves or shows the failure when it rejects. A submit while saving is ignored.
   */
  submit: (event: FormEvent, check: () => boolean, save: () => Promise<void>) => Promise<void>;
}

/** The saving state of a form that stays on the page after saving (busy, failure, saved). */
export function useSaveForm(formRef: RefObject<HTMLFormElement | null>): SaveForm {
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent, check: () => boolean, save: () => Promise<void>) => {
    event.preventDefault();
    if (busy) return;
    const valid = check();
    setFailure(undefined);
    setSaved(false);
    if (!valid) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      await save();
      setSaved(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return { busy, failure, setFailure, saved, setSaved, submit };
}

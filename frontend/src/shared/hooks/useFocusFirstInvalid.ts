import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * After a failed validation, moves focus to the form's first invalid control, so keyboard and
 * screen-reader users land on the field to fix and hear its error message. Call the returned
 * function after setting the errors; the focus moves once they are rendered.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  const handled = useRef(0);
  useEffect(() => {
    if (attempt === handled.current) return;
    handled.current = attempt;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, formRef]);
  return useCallback(() => setAttempt((n) => n + 1), []);
}

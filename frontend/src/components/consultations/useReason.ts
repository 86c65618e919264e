import { useRef, useState, type RefObject } from "react";

/** The longest reason a flag or a moderator's decision may give (as the server checks it). */
export const maxReason = 500;

export interface ReasonInput {
  reason: string;
  invalid: boolean;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  /** Sets the text and clears the error, as the person types. */
  change: (text: string) => void;
  clear: () => void;
  setInvalid: (invalid: boolean) => void;
  /** The trimmed reason, or undefined after marking the field invalid and focusing it. */
  check: () => string | undefined;
}

/** The state of a required reason (flagging, rejecting, hiding): its text, its check and its field. */
export function useReason(): ReasonInput {
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const check = () => {
    const text = reason.trim();
    if (text === "" || [...text].length > maxReason) {
      setInvalid(true);
      fieldRef.current?.focus();
      return undefined;
    }
    return text;
  };
  return {
    reason,
    invalid,
    fieldRef,
    change: (text) => {
      setReason(text);
      setInvalid(false);
    },
    clear: () => setReason(""),
    setInvalid,
    check,
  };
}

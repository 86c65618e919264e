import { useRef, useState, type RefObject } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { maxLength } from "../../../shared/lib/validation";

export interface ReasonInput {
  reason: string;
  invalid: boolean;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  /** The longest reason the server accepts; undefined until its limits arrive. */
  max: number | undefined;
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
  const max = useLimits()?.reason;
  const check = () => {
    const text = reason.trim();
    if (text === "" || maxLength(text, max)) {
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
    max,
    change: (text) => {
      setReason(text);
      setInvalid(false);
    },
    clear: () => setReason(""),
    setInvalid,
    check,
  };
}

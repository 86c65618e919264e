import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/errorMessage";

interface ErrorAlertProps {
  /** The failure to explain; nothing is shown while it is undefined or null. */
  error: unknown;
  /** Messages of the context by problem code, e.g. for "conflict" when deleting an area. */
  messages?: Readonly<Record<string, string>> | undefined;
}

/**
 * The error area of a form or action. The alert region is always present, so a message that
 * appears in it is announced by screen readers; an empty region takes no space.
 */
export function ErrorAlert({ error, messages }: ErrorAlertProps) {
  const { t } = useTranslation();
  const show = error !== undefined && error !== null;
  return (
    <div role="alert" className="alert-region">
      {show && <p className="status status--error">{errorMessage(error, t, messages)}</p>}
    </div>
  );
}

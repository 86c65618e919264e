import { useTranslation } from "react-i18next";

interface SubmitRowProps {
  busy: boolean;
  label: string;
}

/** A form's submit button, saying "Wird gespeichert …" while busy (and then not submitting again). */
export function SubmitRow({ busy, label }: SubmitRowProps) {
  const { t } = useTranslation();
  return (
    <p className="form__actions">
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t("form.saving") : label}
      </button>
    </p>
  );
}

import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { createInvitation, type MemberRole } from "../../api/organisations";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { fieldErrorText, validEmail, type FieldError } from "../../../../shared/lib/validation";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";

interface InviteFormProps {
  slug: string;
  /** Called with the address once the invitation is pending. */
  onInvited: (email: string) => void;
}

/**
 * Invites a person by e-mail address with a role. The answer is the same whether or not the
 * address has an account, so the form says only that the invitation waits for the person.
 */
export function InviteForm({ slug, onInvited }: InviteFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const [emailError, setEmailError] = useState<FieldError>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const error = validEmail(email);
    setEmailError(error);
    setFailure(undefined);
    if (error) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const address = email.trim();
      await createInvitation(slug, { email: address, role });
      setEmail("");
      onInvited(address);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form form--inline" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t("invitations.heading")}</h3>
      <div className="form__row">
        <Field label={t("members.email")} required hint={t("invitations.hint")} error={fieldErrorText(emailError, t)}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("members.roleField")}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={role}
              onChange={(e) => setRole(e.target.value === "admin" ? "admin" : "member")}
            >
              <option value="member">{t("members.role.member")}</option>
              <option value="admin">{t("members.role.admin")}</option>
            </select>
          )}
        </Field>
        <p className="form__actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t("invitations.submit")}
          </button>
        </p>
      </div>
      <ErrorAlert error={failure} />
    </form>
  );
}

import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { putMember, type Member, type MemberRole } from "../../api/organisations";
import { useFocusFirstInvalid } from "../../../../shared/hooks/useFocusFirstInvalid";
import { fieldErrorText, validEmail, type FieldError } from "../../../../shared/lib/validation";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { Field } from "../../../../shared/form/Field";

interface AddMemberFormProps {
  slug: string;
  onSaved: (member: Member) => void;
}

/** Adds a person to the organisation by the e-mail address of their account, or changes their role. */
export function AddMemberForm({ slug, onSaved }: AddMemberFormProps) {
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
      onSaved(await putMember(slug, { email: email.trim(), role }));
      setEmail("");
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form form--inline" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">{t("members.addHeading")}</h3>
      <div className="form__row">
        <Field label={t("members.email")} required hint={t("members.addHint")} error={fieldErrorText(emailError, t)}>
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
            {t("members.add")}
          </button>
        </p>
      </div>
      <ErrorAlert error={failure} />
    </form>
  );
}

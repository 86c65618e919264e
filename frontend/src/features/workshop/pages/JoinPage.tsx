import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../identity/auth/useAuth";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { PageHeading } from "../../../shared/components/PageHeading";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { workshopPath } from "../../../routes";
import { findWorkshopByCode, joinAsGuest, joinWorkshop, type Workshop } from "../api/workshops";
import { useAction } from "../components/useAction";
import "../components/workshop.css";

/** /w and /w/:code: the join page; the code comes from the URL (the QR code) or is typed in. */
export function JoinRoute() {
  const { code = "" } = useParams();
  const [search] = useSearchParams();
  const given = code || search.get("code") || "";
  return <JoinPage key={given} initialCode={given} />;
}

/** Enter the code, then a display name (guests) or "Teilnehmen" (logged in); then on to the participant view. */
export function JoinPage({ initialCode }: { initialCode: string }) {
  const limits = useLimits();
  const { t } = useTranslation();
  useDocumentTitle(t("workshop.join.heading"));
  const [code, setCode] = useState(initialCode);
  const [found, setFound] = useState<Workshop>();
  const find = useAction();
  const lookUp = (e?: FormEvent) => {
    e?.preventDefault();
    const c = code.trim().toUpperCase();
    if (!c) return;
    void find.run(async () => setFound(await findWorkshopByCode(c)));
  };
  // A code from the URL (the projector's QR code) is looked up at once.
  useEffect(() => {
    if (initialCode) lookUp();
  }, []);
  return (
    <div className="workshop-page">
      <PageHeading>{t("workshop.join.heading")}</PageHeading>
      {!found && (
        <form className="workshop-form" onSubmit={lookUp}>
          <label htmlFor="join-code" className="field__label">
            {t("workshop.join.code")}
          </label>
          <input id="join-code" type="text" autoComplete="off" autoCapitalize="characters" maxLength={limits?.join_code} value={code} onChange={(e) => setCode(e.target.value)} required />
          <ErrorAlert error={find.error} messages={{ not_found: t("workshop.join.unknownCode") }} />
          <p className="form__actions">
            <button type="submit" className="button" aria-disabled={find.busy || undefined}>
              {t("workshop.join.find")}
            </button>
          </p>
        </form>
      )}
      {found && <JoinStep workshop={found} code={code.trim().toUpperCase()} />}
    </div>
  );
}

function JoinStep({ workshop, code }: { workshop: Workshop; code: string }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [org, setOrg] = useState("");
  const join = useAction();
  const asGuest = !user && workshop.capabilities.join_as_guest;
  // "Weiter" is gone with the code form: the focus goes on to the name, or to the workshop's title.
  const nameRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    (nameRef.current ?? headingRef.current)?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void join.run(async () => {
      if (asGuest) await joinAsGuest(code, name.trim());
      else await joinWorkshop(workshop.id, org);
      navigate(workshopPath(workshop.id));
    });
  };
  return (
    <section aria-labelledby="join-workshop">
      <h2 id="join-workshop" ref={headingRef} tabIndex={-1}>{workshop.title}</h2>
      {workshop.place && <p>{workshop.place}</p>}
      {asGuest || workshop.capabilities.join ? (
        <form className="workshop-form" onSubmit={submit}>
          {asGuest && (
            <>
              <label htmlFor="join-name" className="field__label">
                {t("workshop.join.name")}
              </label>
              <p className="field__hint" id="join-name-hint">
                {t("workshop.join.nameHint")}
              </p>
              <input id="join-name" ref={nameRef} type="text" maxLength={limits?.guest_name} aria-describedby="join-name-hint" value={name} onChange={(e) => setName(e.target.value)} required />
            </>
          )}
          {!asGuest && user && user.organisations.length > 0 && (
            <>
              <label htmlFor="join-org" className="field__label">
                {t("workshop.join.org")}
              </label>
              <select id="join-org" value={org} onChange={(e) => setOrg(e.target.value)}>
                <option value="">{t("workshop.join.orgNone")}</option>
                {user.organisations.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <ErrorAlert error={join.error} />
          <p className="form__actions">
            <button type="submit" className="button" aria-disabled={join.busy || undefined}>
              {t("workshop.join.submit")}
            </button>
          </p>
        </form>
      ) : (
        <p className="notice">{user ? t("workshop.join.notAllowed") : t("workshop.join.login")}</p>
      )}
    </section>
  );
}

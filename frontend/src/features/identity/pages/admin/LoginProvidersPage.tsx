import { useTranslation } from "react-i18next";
import { listProviderStatus, type AuthProviderStatus } from "../../api/admin";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { BackLink } from "../../../../shared/components/BackLink";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { formatDateTime } from "../../../../shared/lib/format";
import { paths } from "../../../../routes";

/** Each login provider's state as the server last checked it, and its latest claim warning. */
export function LoginProvidersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.providers.title"));
  const providers = useAsync((signal) => listProviderStatus(signal), []);
  return (
    <>
      <BackLink to={paths.admin}>{t("admin.back")}</BackLink>
      <PageHeading>{t("admin.providers.title")}</PageHeading>
      <p>{t("admin.providers.intro")}</p>
      {providers.status === "loading" && <Loading />}
      {providers.status === "error" && <LoadError error={providers.error} onRetry={providers.retry} />}
      {providers.status === "success" &&
        (providers.data.length === 0 ? <p>{t("admin.providers.empty")}</p> : <ProviderTable providers={providers.data} />)}
    </>
  );
}

function ProviderTable({ providers }: { providers: AuthProviderStatus[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const at = (iso: string) => formatDateTime(iso, language);
  return (
    <table className="data-table provider-table">
      <caption>{t("admin.providers.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("admin.providers.columns.provider")}</th>
          <th scope="col">{t("admin.providers.columns.state")}</th>
          <th scope="col">{t("admin.providers.columns.details")}</th>
        </tr>
      </thead>
      <tbody>
        {providers.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              {p.label} <span className="provider-table__id">({p.id})</span>
            </th>
            <td>
              <span className={`provider-table__state provider-table__state--${p.state}`}>{t(`admin.providers.state.${p.state}`)}</span>
            </td>
            <td>
              <ul className="provider-table__details">
                {p.checked_at && <li>{t("admin.providers.checkedAt", { at: at(p.checked_at) })}</li>}
                {p.state === "ok" && p.up_since && <li>{t("admin.providers.upSince", { at: at(p.up_since) })}</li>}
                {p.last_error && p.last_error_at && (
                  <li>{t("admin.providers.lastError", { at: at(p.last_error_at), error: p.last_error })}</li>
                )}
                {p.claim_warning ? (
                  <li role="note">
                    {t("admin.providers.claimWarning", {
                      at: at(p.claim_warning.at),
                      claim: p.claim_warning.claim,
                    })}{" "}
                    {t("admin.providers.present", { claims: p.claim_warning.present.join(", ") })}
                  </li>
                ) : (
                  <li>{t("admin.providers.noWarning")}</li>
                )}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

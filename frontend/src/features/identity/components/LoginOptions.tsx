import { useTranslation } from "react-i18next";
import { listLoginProviders, loginHref } from "../api/auth";
import { providerLinkText } from "../auth/providerLinkText";
import { useAsync } from "../../../shared/hooks/useAsync";
import { LoadError, Loading } from "../../../shared/components/Status";

interface LoginOptionsProps {
  /** The local path (with query) to come back to after the login. */
  returnTo: string;
}

/**
 * One login link per configured identity provider. These are plain links, not router links:
 * the login is a full page navigation through the server to the identity provider and back.
 */
export function LoginOptions({ returnTo }: LoginOptionsProps) {
  const { t } = useTranslation();
  const providers = useAsync((signal) => listLoginProviders(signal), []);
  if (providers.status === "loading") return <Loading />;
  if (providers.status === "error") return <LoadError error={providers.error} onRetry={providers.retry} />;
  if (providers.data.length === 0) return <p>{t("account.noProviders")}</p>;
  return (
    <ul className="login-options">
      {providers.data.map((provider) => (
        <li key={provider.id}>
          <a className="login-options__link" href={loginHref(provider.id, returnTo)}>
            {providerLinkText(provider, providers.data, t)}
          </a>
        </li>
      ))}
    </ul>
  );
}

import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { listUsers } from "../../api/admin";
import { listDistricts } from "../../../districts/api/districts";
import { listOrganisations } from "../../api/organisations";
import { useAuth } from "../../auth/useAuth";
import { useAsync } from "../../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../../shared/components/BackLink";
import { PageHeading } from "../../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../../shared/components/Status";
import { UserCard } from "../../components/admin/UserCard";
import { paths } from "../../../../routes";

/**
 * Admins find people by name or e-mail and grant or revoke their roles. The query is part of
 * the address (?q=), so a search can be bookmarked and the back button works.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  useDocumentTitle(t("admin.users.title"));
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [draft, setDraft] = useState(query);
  const users = useAsync((signal) => listUsers(query, signal), [query]);
  const districts = useAsync((signal) => listDistricts(signal), []);
  const organisations = useAsync((signal) => listOrganisations(signal), []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = draft.trim();
    setParams(q ? { q } : {});
  };

  return (
    <>
      <BackLink to={paths.admin}>{t("admin.back")}</BackLink>
      <PageHeading>{t("admin.users.title")}</PageHeading>
      <p>{t("admin.users.intro")}</p>
      <form role="search" className="search-form" onSubmit={search}>
        <label htmlFor="user-search" className="field__label">
          {t("admin.users.searchLabel")}
        </label>
        <div className="search-form__row">
          <input
            id="user-search"
            type="search"
            className="field__control"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button">
            {t("admin.users.search")}
          </button>
        </div>
      </form>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t("admin.users.resultsHeading")}</h2>
        {users.status === "loading" && <Loading />}
        {users.status === "error" && <LoadError error={users.error} onRetry={users.retry} />}
        <p role="status">
          {users.status === "success" &&
            (users.data.length === 0 ? t("admin.users.none") : t("admin.users.count", { count: users.data.length }))}
        </p>
        {users.status === "success" && users.data.length > 0 && (
          <ul className="user-list">
            {users.data.map((user) => (
              <li key={user.id}>
                <UserCard
                  user={user}
                  districts={districts.status === "success" ? districts.data : []}
                  organisations={organisations.status === "success" ? organisations.data : []}
                  currentUserId={auth.user?.id ?? 0}
                  onOwnRolesChanged={() => void auth.refresh()}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

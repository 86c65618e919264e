import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth";
import { RoleList } from "../RoleList";
import { districtPath, organisationPath } from "../../../../routes";

/** The person's name, e-mail, roles, organisations and the districts they coordinate. */
export function ProfileDetails({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("profile.name")}</dt>
          <dd>{me.name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("profile.email")}</dt>
          <dd>{me.email}</dd>
        </div>
      </dl>

      <section aria-labelledby="profile-roles">
        <h2 id="profile-roles">{t("profile.rolesHeading")}</h2>
        {me.roles.length > 0 ? <RoleList roles={me.roles} names={me} /> : <p>{t("profile.noRoles")}</p>}
        <p className="hint">{t("profile.rolesNote")}</p>
      </section>

      <section aria-labelledby="profile-organisations">
        <h2 id="profile-organisations">{t("profile.organisationsHeading")}</h2>
        {me.organisations.length > 0 ? (
          <ul>
            {me.organisations.map((o) => (
              <li key={o.slug}>
                {t("profile.organisationEntry", { role: t(`members.role.${o.role}`) })}{" "}
                <Link to={organisationPath(o.slug)}>{o.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("profile.noOrganisations")}</p>
        )}
      </section>

      {me.districts.length > 0 && (
        <section aria-labelledby="profile-districts">
          <h2 id="profile-districts">{t("profile.districtsHeading")}</h2>
          <p>{t("profile.districtsIntro")}</p>
          <ul className="inline-list">
            {me.districts.map((d) => (
              <li key={d.key}>
                <Link to={districtPath(d.key)}>{d.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

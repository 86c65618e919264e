import { useState } from "react";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/api/client";
import { listDistricts } from "../../districts/api/districts";
import { getOrganisation, type Organisation } from "../api/organisations";
import { useAuth } from "../auth/useAuth";
import { managesOrganisation } from "../auth/roles";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { OrganisationProfile } from "../components/organisations/OrganisationProfile";
import { OrganisationEditForm } from "../components/organisations/OrganisationEditForm";
import { MembersSection } from "../components/organisations/MembersSection";
import { paths } from "../../../routes";

/** The route element: another slug mounts a fresh page, so no stale organisation is shown. */
export function OrganisationRoute() {
  const { slug = "" } = useParams();
  return <OrganisationPage key={slug} slug={slug} />;
}

/**
 * An organisation's public profile; for admins and the organisation's provider admins also the
 * form to edit it and the member management.
 */
export function OrganisationPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const loaded = useAsync((signal) => getOrganisation(slug, signal), [slug]);
  const districtList = useAsync((signal) => listDistricts(signal), []);
  const [saved, setSaved] = useState<Organisation | null>(null);
  const organisation = saved ?? (loaded.status === "success" ? loaded.data : null);
  const districts = districtList.status === "success" ? districtList.data : [];
  const failure = loaded.status === "error" && loaded.error instanceof ApiError ? loaded.error : undefined;
  const notFound = failure?.status === 404 || failure?.status === 400;

  let heading: string = t("organisations.loadingHeading");
  if (organisation) heading = organisation.name;
  else if (notFound) heading = t("organisations.notFoundHeading");
  else if (loaded.status === "error") heading = t("organisations.errorHeading");
  useDocumentTitle(heading);

  const manages = managesOrganisation(auth.user, slug);

  return (
    <>
      <BackLink to={paths.organisations}>{t("organisations.back")}</BackLink>
      <PageHeading>{heading}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {notFound && <p className="notice">{t("organisations.notFoundText", { slug })}</p>}
      {loaded.status === "error" && !notFound && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {organisation && <OrganisationProfile organisation={organisation} districts={districts} />}
      {organisation && manages && auth.user && (
        <>
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t("organisations.editHeading")}</h2>
            <OrganisationEditForm
              organisation={organisation}
              isAdmin={auth.isAdmin}
              districts={districts}
              onSaved={setSaved}
            />
          </section>
          <MembersSection
            slug={slug}
            organisationName={organisation.name}
            currentUserId={auth.user.id}
            onOwnMembershipChanged={() => void auth.refresh()}
          />
        </>
      )}
    </>
  );
}

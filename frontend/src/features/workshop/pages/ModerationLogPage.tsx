import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAsync } from "../../../shared/hooks/useAsync";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { BackLink } from "../../../shared/components/BackLink";
import { PageHeading } from "../../../shared/components/PageHeading";
import { LoadError, Loading } from "../../../shared/components/Status";
import { workshopPath } from "../../../routes";
import { getWorkshop, getWorkshopModerationLog } from "../api/workshops";

export function ModerationLogRoute() {
  const { id = "" } = useParams();
  const workshopId = /^[1-9]\d{0,17}$/.test(id) ? Number(id) : 0;
  return <ModerationLogPage key={id} workshopId={workshopId} />;
}

/** /werkstaetten/:id/moderationsprotokoll: what the facilitators hid or merged, when and why; never the hidden text, never a name. */
export function ModerationLogPage({ workshopId }: { workshopId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const loaded = useAsync(async (signal) => {
    const [workshop, log] = await Promise.all([getWorkshop(workshopId, signal), getWorkshopModerationLog(workshopId, signal)]);
    return { workshop, log };
  }, [workshopId]);
  useDocumentTitle(t("workshop.log.heading"));
  return (
    <>
      {loaded.status === "success" && <BackLink to={workshopPath(workshopId)}>{loaded.data.workshop.title}</BackLink>}
      <PageHeading>{t("workshop.log.heading")}</PageHeading>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && (
        <>
          <p>{t("workshop.log.intro")}</p>
          {loaded.data.log.items.length === 0 ? (
            <p>{t("workshop.log.empty")}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("workshop.log.when")}</th>
                  <th scope="col">{t("workshop.log.what")}</th>
                  <th scope="col">{t("workshop.log.action")}</th>
                  <th scope="col">{t("workshop.log.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.log.items.map((e) => (
                  <tr key={`${e.subject}-${e.at}-${e.action}`}>
                    <td>{formatDateTimeShort(e.at, language)}</td>
                    <td>{t(`workshop.log.subject.${e.subject.split(":")[0] ?? ""}`, { defaultValue: e.subject })}</td>
                    <td>{t(`workshop.log.actions.${e.action}`, { defaultValue: e.action })}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

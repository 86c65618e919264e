import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { listNeedsCalls, type NeedsCall } from "../api/needs";
import type { Process } from "../../planning/api/processes";
import type { SocialArea } from "../../planning/api/socialAreas";
import { useAsync } from "../../../shared/hooks/useAsync";
import { Disclosure } from "../../../shared/components/Disclosure";
import { LoadError, Loading } from "../../../shared/components/Status";
import { measuresPath, weighingPath } from "../../../routes";
import { CallCard } from "./CallSummary";
import { CallForm } from "./CallForm";
import "./needs.css";

interface NeedsSectionProps {
  process: Pick<Process, "id" | "fields" | "social_area_ids">;
  areas: readonly SocialArea[];
  /** The district's coordinators and admins open calls here (the server decides again). */
  manages: boolean;
}

/** "Bedarfsermittlung" on a process page: its calls, a form for a new one, the table and the measures. */
export function NeedsSection({ process, areas, manages }: NeedsSectionProps) {
  const { t } = useTranslation();
  const loaded = useAsync((signal) => listNeedsCalls(process.id, signal), [process.id]);
  const [added, setAdded] = useState<NeedsCall[]>([]);
  const calls = loaded.status === "success" ? [...added, ...loaded.data.filter((c) => !added.some((a) => a.id === c.id))] : [];
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t("needs.section.heading")}</h2>
      <ul className="needs-links">
        <li>
          <Link to={weighingPath(process.id)}>{t("needs.section.weighing")}</Link>
        </li>
        <li>
          <Link to={measuresPath(process.id)}>{t("needs.section.measures")}</Link>
        </li>
      </ul>
      {loaded.status === "loading" && <Loading />}
      {loaded.status === "error" && <LoadError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === "success" && calls.length === 0 && <p>{t("needs.section.none")}</p>}
      {calls.length > 0 && (
        <ul className="needs-cards">
          {calls.map((c) => (
            <CallCard key={c.id} call={c} />
          ))}
        </ul>
      )}
      {manages && (
        <Disclosure label={t("needs.callForm.heading")}>
          <CallForm process={process} areas={areas} onCreated={(call) => setAdded((a) => [call, ...a])} />
        </Disclosure>
      )}
    </section>
  );
}

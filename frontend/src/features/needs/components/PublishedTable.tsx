import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Measure, WeighingItem } from "../api/needs";
import { measurePath } from "../../../routes";

interface PublishedTableProps {
  items: readonly WeighingItem[];
  measures: readonly Measure[];
}

/** The published weighing table: what was brought in, by whom, the decision, its reason and the measures. */
export function PublishedTable({ items, measures }: PublishedTableProps) {
  const { t } = useTranslation();
  return (
    // On a phone the table scrolls sideways; the region takes the keyboard focus to scroll.
    <div className="table-scroll" role="region" aria-label={t("needs.weighing.caption")} tabIndex={0}>
      <table className="data-table needs-table">
        <caption>{t("needs.weighing.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("needs.weighing.columns.summary")}</th>
            <th scope="col">{t("needs.weighing.columns.submitter")}</th>
            <th scope="col">{t("needs.weighing.columns.decision")}</th>
            <th scope="col">{t("needs.weighing.columns.reason")}</th>
            <th scope="col">{t("needs.weighing.columns.measures")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} id={`zeile-${item.id}`}>
              <td>
                {item.bundle_title && <span className="needs-card__meta">{item.bundle_title}: </span>}
                {item.summary}
              </td>
              <td>{submitterName(item, t)}</td>
              <td>{item.published ? t(`needs.values.${item.published.value}`) : t("needs.weighing.notYet")}</td>
              <td>{item.published?.reason}</td>
              <td>
                <MeasureLinks ids={item.published?.measure_ids ?? []} measures={measures} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who brought a row in; residents are never named, so an empty submitter reads "Einwohner:in". */
export function submitterName(item: Pick<WeighingItem, "submitter">, t: (key: "needs.weighing.resident") => string): string {
  return item.submitter.trim() === "" ? t("needs.weighing.resident") : item.submitter;
}

/** The measures of a decision as links to their pages. */
export function MeasureLinks({ ids, measures }: { ids: readonly number[]; measures: readonly Measure[] }) {
  if (ids.length === 0) return null;
  return (
    <ul className="needs-inline-list">
      {ids.map((id) => (
        <li key={id}>
          <Link to={measurePath(id)}>{measures.find((m) => m.id === id)?.title ?? `#${id}`}</Link>
        </li>
      ))}
    </ul>
  );
}

import { useId, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { AtlasMap } from "../api/atlas";
import { nextOrder, sortCells, type SortOrder } from "../model/sort";
import { indicatorName } from "../model/format";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { atlasProfilePath } from "../../../routes";
import { cellValueText } from "./cellText";

/**
 * The map's values as a table, the accessible alternative to the map: sortable by name and by
 * value with a button in each column's header, the order announced with aria-sort.
 */
export function ValueTable({ map }: { map: AtlasMap }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  const [order, setOrder] = useState<SortOrder>({ by: "name", direction: "ascending" });
  const rows = sortCells(map.values, order, language);

  const header = (by: SortOrder["by"], text: string, className?: string) => (
    <th scope="col" className={className} aria-sort={order.by === by ? order.direction : "none"}>
      <button type="button" className="atlas-sort" onClick={() => setOrder((current) => nextOrder(current, by))}>
        {text}
        <span className="atlas-sort__icon" aria-hidden="true">
          {order.by !== by ? "↕" : order.direction === "ascending" ? "↑" : "↓"}
        </span>
      </button>
    </th>
  );

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table atlas-table">
        <caption id={captionId}>
          {t("atlas.table.caption", { indicator: indicatorName(map.indicator, language), year: map.year })}
        </caption>
        <thead>
          <tr>
            {header("name", t("atlas.table.area"))}
            {header("value", t("atlas.table.value"), "num")}
          </tr>
        </thead>
        <tbody>
          {rows.map((cell) => (
            <tr key={cell.area}>
              <th scope="row">
                <Link to={atlasProfilePath(cell.area)}>{cell.name}</Link>
              </th>
              <td className={cell.status === "shown" ? "num" : "num atlas-table__none"}>
                {cellValueText(cell, map.indicator, t, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

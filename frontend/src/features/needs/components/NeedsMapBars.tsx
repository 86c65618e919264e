import { useTranslation } from "react-i18next";
import type { NeedsMap } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { NeedsMapSvg } from "./NeedsMapSvg";

/**
 * How many submissions concern each social area: a map shaded by the counts and a list with bars.
 * The numbers are text, so the map and the bars only repeat what is read.
 */
export function NeedsMapBars({ map, areas }: { map: NeedsMap; areas: readonly SocialArea[] }) {
  const { t } = useTranslation();
  const rows = map.areas
    .map((r) => ({ ...r, name: areas.find((a) => a.id === r.area_id)?.name ?? t("needs.map.unknownArea", { id: r.area_id }) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t("needs.map.heading")}</h2>
      <NeedsMapSvg map={map} areas={areas} />
      {rows.length === 0 ? (
        <p>{t("needs.map.none")}</p>
      ) : (
        <ul className="needs-bars">
          {rows.map((r) => (
            <li key={r.area_id} className="needs-bars__row">
              <span className="needs-bars__name">{r.name}</span>
              <span className="needs-bars__bar" aria-hidden="true">
                <span style={{ width: `${(r.count / max) * 100}%` }} />
              </span>
              <span className="needs-bars__count">{t("needs.map.count", { count: r.count })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

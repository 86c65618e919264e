import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Assessment } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { ServerHtml } from "../../consultation/components/ServerHtml";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDecimal, formatInteger } from "../../../shared/lib/format";
import { atlasIndicatorPath } from "../../../routes";
import { FactList } from "./FactList";

/** A draft or submission as text: every part of the form, with the cited atlas values. */
export function AssessmentView({ assessment, areas, saved = false }: { assessment: Assessment; areas: readonly SocialArea[]; saved?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = assessment.content;
  const p = c.proposal ?? {};
  const areaNames = areas.filter((a) => c.area_ids?.includes(a.id)).map((a) => a.name);
  const facts: [string, string | undefined][] = [
    [t("needs.editor.areas"), areaNames.join(", ") || undefined],
    [t("needs.editor.field"), c.field ? t(`processes.field.${c.field}`, { defaultValue: c.field }) : undefined],
    [t("needs.editor.priority"), c.priority ? t(`needs.priority.${c.priority}`) : undefined],
    [t("needs.editor.fte"), p.fte !== undefined ? formatDecimal(p.fte, language, 1) : undefined],
    [t("needs.editor.costs"), p.costs_per_year !== undefined ? t("needs.euros", { value: formatInteger(p.costs_per_year, language) }) : undefined],
    [t("needs.editor.funding"), p.funding?.join(", ") || undefined],
    [t("needs.editor.timeFrame"), p.time_frame],
    [t("needs.editor.effectIndicator"), p.indicator],
  ];
  const html = assessment.html;
  return (
    <section aria-labelledby="content-heading" className="needs-view">
      <h2 id="content-heading">{saved ? t("needs.view.savedHeading") : t("needs.view.heading")}</h2>
      <FactList rows={facts} />
      {(c.groups ?? []).length > 0 && (
        <>
          <h3>{t("needs.editor.groups")}</h3>
          <ul>
            {(c.groups ?? []).map((g, i) => (
              <li key={i}>
                {g.group === "andere" && g.label ? g.label : t(`needs.groups.${g.group}`)}: {t("needs.view.people", { count: g.people, formatted: formatInteger(g.people, language) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {html.situation && (
        <>
          <h3>{t("needs.editor.situation")}</h3>
          <ServerHtml html={html.situation} />
        </>
      )}
      {(c.evidence ?? []).length > 0 && (
        <>
          <h3>{t("needs.editor.evidence")}</h3>
          <ul className="needs-evidence">
            {(c.evidence ?? []).map((e, i) => (
              <li key={i}>
                <Link to={atlasIndicatorPath(e.indicator)}>{e.title ?? e.indicator}</Link>, {e.area_name ?? e.area}, {e.year}:{" "}
                <strong>{e.value === null || e.value === undefined ? t("needs.view.noValue") : `${formatDecimal(e.value, language, 2)}${e.unit ? ` ${e.unit}` : ""}`}</strong>
                {e.ref && <span className="needs-card__meta"> ({e.ref})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {html.offers && (
        <>
          <h3>{t("needs.editor.offers")}</h3>
          <ServerHtml html={html.offers} />
        </>
      )}
      {html.gap && (
        <>
          <h3>{t("needs.editor.gap")}</h3>
          <ServerHtml html={html.gap} />
        </>
      )}
      {html.measure && (
        <>
          <h3>{t("needs.editor.measure")}</h3>
          <ServerHtml html={html.measure} />
        </>
      )}
    </section>
  );
}

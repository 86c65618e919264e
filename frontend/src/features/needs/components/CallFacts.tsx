import { useTranslation } from "react-i18next";
import type { NeedsCall } from "../api/needs";
import type { SocialArea } from "../../planning/api/socialAreas";
import { ServerHtml } from "../../consultation/components/ServerHtml";
import { CallDeadline } from "./CallSummary";
import { FactList } from "./FactList";

/** What a call asks for: its deadline, scope (areas and fields), audience and guidance. */
export function CallFacts({ call, areas }: { call: NeedsCall; areas: readonly SocialArea[] }) {
  const { t } = useTranslation();
  const names = areas.filter((a) => call.area_ids.includes(a.id)).map((a) => a.name);
  const rows: [string, string][] = [
    [t("needs.call.areas"), names.length > 0 ? names.join(", ") : t("needs.call.allAreas")],
    [t("needs.call.fields"), call.fields.length > 0 ? call.fields.map((f) => t(`processes.field.${f}`, { defaultValue: f })).join(", ") : t("needs.call.allFields")],
    [t("needs.call.audience"), t(`needs.audience.${call.audience}`)],
  ];
  return (
    <>
      <p>
        <CallDeadline call={call} />
      </p>
      <FactList rows={rows} />
      {call.guidance_html && (
        <section aria-labelledby="guidance-heading">
          <h2 id="guidance-heading">{t("needs.call.guidance")}</h2>
          <ServerHtml html={call.guidance_html} />
        </section>
      )}
    </>
  );
}

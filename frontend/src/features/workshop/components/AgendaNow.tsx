import { useTranslation } from "react-i18next";
import { useNow } from "../../../shared/hooks/useNow";
import type { Workshop } from "../api/workshops";
import { currentItem, remainingMs } from "../model/session";

/** The agenda item under way with the time left of it (renewed every 15 s, outside any live region). */
export function AgendaNow({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const item = currentItem(workshop);
  const left = remainingMs(workshop, now);
  if (!item) return <p className="workshop-now">{t(`workshop.status.${workshop.status}`)}</p>;
  const minutes = left === undefined ? undefined : Math.ceil(Math.abs(left) / 60_000);
  return (
    <p className="workshop-now">
      <span className="workshop-now__label">{t("workshop.agenda.now")}</span> <strong>{item.title}</strong>
      {minutes !== undefined && (
        <span className={left! < 0 ? "workshop-now__over" : "workshop-now__left"}>
          {" · "}
          {left! < 0 ? t("workshop.agenda.over", { count: minutes }) : t("workshop.agenda.left", { count: minutes })}
        </span>
      )}
    </p>
  );
}

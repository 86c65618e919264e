import { useTranslation } from "react-i18next";
import type { NeedsCall } from "../api/needs";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";

/** A call's state and deadline in one line: "offen bis 24.12.2026, 18:00". */
export function CallDeadline({ call }: { call: Pick<NeedsCall, "open" | "deadline"> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = formatDateTimeShort(call.deadline, language);
  return (
    <span className={call.open ? "needs-badge needs-badge--open" : "needs-badge"}>
      {call.open ? t("needs.call.openUntil", { date }) : t("needs.call.closedSince", { date })}
    </span>
  );
}

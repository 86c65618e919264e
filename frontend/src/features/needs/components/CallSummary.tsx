import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { NeedsCall } from "../api/needs";
import { useLanguage } from "../../../shared/hooks/useLanguage";
import { formatDateTimeShort } from "../../../shared/lib/time";
import { needsCallPath } from "../../../routes";

/** A call's state and deadline in one line: "offen bis 24.12.2026, 18:00". */
export function CallDeadline({ call }: { call: Pick<NeedsCall, "open" | "deadline"> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = formatDateTimeShort(call.deadline, language);
  return (
    <span className={call.open ? "badge needs-badge--open" : "badge"}>
      {call.open ? t("needs.call.openUntil", { date }) : t("needs.call.closedSince", { date })}
    </span>
  );
}

/** A call in a list: its title as a link and its deadline, with what the list adds below. */
export function CallCard({ call, children }: { call: NeedsCall; children?: ReactNode }) {
  return (
    <li className="needs-card">
      <h3 className="needs-card__title">
        <Link to={needsCallPath(call.id)}>{call.title}</Link>
      </h3>
      <p>
        <CallDeadline call={call} />
      </p>
      {children}
    </li>
  );
}

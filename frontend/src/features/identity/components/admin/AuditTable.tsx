import { useId } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { AuditEntry } from "../../api/admin";
import type { Messages } from "../../../../shared/i18n/de";
import { useLanguage } from "../../../../shared/hooks/useLanguage";
import { formatDateTime } from "../../../../shared/lib/format";
import { organisationPath } from "../../../../routes";

type ActionKey = keyof Messages["admin"]["audit"]["actions"];
type TargetKey = keyof Messages["admin"]["audit"]["targets"];

const actionKeys: ReadonlySet<string> = new Set<ActionKey>([
  "login",
  "logout",
  "user_create",
  "role_grant",
  "role_revoke",
  "membership_put",
  "membership_remove",
  "organisation_create",
  "organisation_update",
]);

/** The action in words; actions of later versions show as the server names them. */
function actionText(action: string, t: TFunction): string {
  const key = action.replace(/\./g, "_");
  return actionKeys.has(key) ? t(`admin.audit.actions.${key as ActionKey}`) : action;
}

function isTarget(type: string): type is TargetKey {
  return type === "user" || type === "organisation";
}

/** Details as "key: value" pairs, leaving out empty values. */
function detailsText(details: AuditEntry["details"]): string {
  return Object.entries(details)
    .filter(([, value]) => value !== "" && value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(", ");
}

function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const type = entry.target_type;
  if (!isTarget(type)) return <>{`${type} ${entry.target_id}`}</>;
  const text = t(`admin.audit.targets.${type}`, { id: entry.target_id });
  return type === "organisation" ? <Link to={organisationPath(entry.target_id)}>{text}</Link> : <>{text}</>;
}

/** The audit log as a table: when, who, what, to whom, and the details. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table audit-table">
        <caption id={captionId}>{t("admin.audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.columns.at")}</th>
            <th scope="col">{t("admin.audit.columns.actor")}</th>
            <th scope="col">{t("admin.audit.columns.action")}</th>
            <th scope="col">{t("admin.audit.columns.target")}</th>
            <th scope="col">{t("admin.audit.columns.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
              </td>
              <td>{entry.actor_name ?? (entry.actor_id ? `#${entry.actor_id}` : t("admin.audit.system"))}</td>
              <td>{actionText(entry.action, t)}</td>
              <td>
                <Target entry={entry} />
              </td>
              <td className="audit-table__details">{detailsText(entry.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

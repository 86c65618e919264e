import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { weighComment, type Comment } from "../api/consultations";
import { ApiError } from "../../../shared/api/client";
import type { Report } from "./threadEnv";

interface Props {
  processId: number;
  comment: Comment;
  report: Report;
}

/** A moderator puts a public comment into the process's weighing table (the server sends "weigh"). */
export function WeighButton({ processId, comment, report }: Props) {
  const { t } = useTranslation();
  const [added, setAdded] = useState(false);
  const [busy, setBusy] = useState(false);
  if (added) {
    return <Link to={`/prozesse/${processId}/abwaegung`}>{t("moderation.weigh.table")}</Link>;
  }
  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      aria-label={t("moderation.weigh.label", { author: comment.author_name })}
      onClick={async () => {
        setBusy(true);
        try {
          await weighComment(processId, comment.id);
          report.success(t("moderation.weigh.done"));
          setAdded(true);
        } catch (err) {
          if (err instanceof ApiError && err.code === "already_in_weighing_table") {
            report.success(t("moderation.weigh.already"));
            setAdded(true);
          } else {
            report.error(err);
          }
        } finally {
          setBusy(false);
        }
      }}
    >
      {t("moderation.weigh.button")}
    </button>
  );
}

import { useTranslation } from "react-i18next";
import { useLimits } from "../../../../shared/hooks/useLimits";
import { ErrorAlert } from "../../../../shared/components/ErrorAlert";
import { addTheme, deleteTheme, moderateCard, renameTheme, setDotVoting, type BoardCard, type CardModeration, type ModuleView, type Workshop } from "../../api/workshops";
import type { SessionAction } from "../../model/session";
import { useAction } from "../useAction";
import { HandoffMenu } from "./HandoffMenu";
import { TextAction } from "./ReasonForm";

/** A board's moderation: cards moved, merged or hidden; themes; dot-voting opened and closed. */
export function BoardModeration({ workshop, view, apply }: { workshop: Workshop; view: ModuleView; apply: (action: SessionAction) => void }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const act = useAction();
  const board = view.module.board ?? {};
  const columns = board.columns ?? [];
  const themes = view.themes ?? [];
  const cards = (view.cards ?? []).filter((c) => c.state === "visible");
  const moderate = (c: BoardCard, input: CardModeration) => void act.run(async () => apply({ type: "card", card: await moderateCard(c.id, input) }));
  const voting = (open: boolean, seconds = 0) => void act.run(async () => apply({ type: "module", module: await setDotVoting(view.module.id, open, seconds) }));
  return (
    <>
      <div className="button-row">
        {board.voting ? (
          <button type="button" className="button button--small" onClick={() => voting(false)}>
            {t("workshop.console.votingClose")}
          </button>
        ) : (
          <TextAction summary={t("workshop.console.votingOpen")} label={t("workshop.console.votingMinutes")} button={t("workshop.console.votingOpen")} max={undefined} initial="5" onSubmit={(m) => voting(true, Math.round((Number(m) || 0) * 60))} />
        )}
        <TextAction summary={t("workshop.console.themeAdd")} label={t("workshop.console.themeTitle")} button={t("workshop.console.themeAdd")} max={limits?.workshop_option} onSubmit={(title) => void act.run(async () => apply({ type: "theme", theme: await addTheme(view.module.id, title) }))} />
      </div>
      {themes.length > 0 && (
        <ul className="workshop-list">
          {themes.map((th) => (
            <li key={th.id} className="workshop-item">
              <strong>{th.title}</strong>
              <div className="button-row">
                <TextAction summary={t("workshop.console.themeRename")} label={t("workshop.console.themeTitle")} button={t("workshop.console.themeRename")} max={limits?.workshop_option} initial={th.title} onSubmit={(title) => void act.run(async () => apply({ type: "theme", theme: await renameTheme(th.id, title) }))} />
                <button type="button" className="button button--secondary button--small" aria-label={t("workshop.console.themeDeleteLabel", { title: th.title })} onClick={() => void act.run(async () => { await deleteTheme(th.id); })}>
                  {t("workshop.console.themeDelete")}
                </button>
                {workshop.capabilities.hand_off && <HandoffMenu workshop={workshop} subject={`theme:${th.id}`} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ul className="workshop-list">
        {cards.map((c) => (
          <li key={c.id} className="workshop-item">
            <p className="workshop-item__text">{c.text}</p>
            <p className="workshop-item__meta">{t("workshop.board.dots", { count: c.dots })}</p>
            <div className="button-row">
              {columns.length > 1 && (
                <label>
                  {t("workshop.board.column")}{" "}
                  <select value={c.column} onChange={(e) => moderate(c, { action: "move", column: Number(e.target.value) })}>
                    {columns.map((col, i) => (
                      <option key={i} value={i}>{col}</option>
                    ))}
                  </select>
                </label>
              )}
              {themes.length > 0 && (
                <label>
                  {t("workshop.console.theme")}{" "}
                  <select value={c.theme_id ?? 0} onChange={(e) => moderate(c, { action: "move", theme_id: Number(e.target.value) })}>
                    <option value={0}>{t("workshop.board.noTheme")}</option>
                    {themes.map((th) => (
                      <option key={th.id} value={th.id}>{th.title}</option>
                    ))}
                  </select>
                </label>
              )}
              {cards.length > 1 && (
                <label>
                  {t("workshop.console.mergeInto")}{" "}
                  <select value="" onChange={(e) => e.target.value && moderate(c, { action: "merge", into: Number(e.target.value) })}>
                    <option value="">{t("workshop.console.choose")}</option>
                    {cards.filter((o) => o.id !== c.id).map((o) => (
                      <option key={o.id} value={o.id}>{o.text.slice(0, 60)}</option>
                    ))}
                  </select>
                </label>
              )}
              <TextAction summary={t("workshop.console.hide")} label={t("workshop.console.reason")} button={t("workshop.console.hide")} max={limits?.reason} onSubmit={(reason) => moderate(c, { action: "hide", reason })} />
              {workshop.capabilities.hand_off && <HandoffMenu workshop={workshop} subject={`card:${c.id}`} />}
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert error={act.error} />
    </>
  );
}

import { useState, type FormEvent } from "react";
import { useLimits } from "../../../shared/hooks/useLimits";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../shared/components/ErrorAlert";
import { useNow } from "../../../shared/hooks/useNow";
import { addCard, placeDots, type BoardCard, type ModuleView } from "../api/workshops";
import type { SessionAction } from "../model/session";
import { boardGroups, dotsLeft, withDot } from "../model/board";
import { useAction } from "./useAction";

interface Props {
  view: ModuleView;
  participate: boolean;
  apply: (action: SessionAction) => void;
}

/** An ideas board for participants: cards by column or by theme, a card of one's own, dot-voting. */
export function BoardModule({ view, participate, apply }: Props) {
  const { t } = useTranslation();
  const [by, setBy] = useState<"column" | "theme">("column");
  const board = view.module.board ?? {};
  const open = view.module.state === "open";
  const voting = open && participate && board.voting === true && (board.dots ?? 0) > 0;
  const mine = view.my_dots ?? [];
  const left = dotsLeft(board.dots ?? 0, mine);
  const dots = useAction();
  const change = (card: BoardCard, delta: 1 | -1) =>
    dots.run(async () => {
      const stored = await placeDots(view.module.id, withDot(mine, card.id, delta));
      apply({ type: "dots", moduleId: view.module.id, dots: stored });
    });
  const groups = boardGroups(view, by, t("workshop.board.noTheme"));
  return (
    <>
      {open && participate && <CardForm view={view} apply={apply} />}
      {(view.themes?.length ?? 0) > 0 && (
        <fieldset className="workshop-order">
          <legend>{t("workshop.board.show")}</legend>
          {(["column", "theme"] as const).map((o) => (
            <label key={o}>
              <input type="radio" name={`by-${view.module.id}`} checked={by === o} onChange={() => setBy(o)} /> {t(`workshop.board.by.${o}`)}
            </label>
          ))}
        </fieldset>
      )}
      {voting && <VotingNote left={left} until={board.until} />}
      <ErrorAlert error={dots.error} />
      {groups.map((g) => (
        <section key={g.key} aria-label={g.title} className="board-group">
          <h4>{g.title}</h4>
          {g.cards.length === 0 ? (
            <p className="hint">{t("workshop.board.empty")}</p>
          ) : (
            <ul className="workshop-list">
              {g.cards.map((c) => (
                <CardItem key={c.id} card={c} mine={mine.find((d) => d.card_id === c.id)?.dots ?? 0} voting={voting} left={left} onChange={(d) => void change(c, d)} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function VotingNote({ left, until }: { left: number; until: string | undefined }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const seconds = until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : undefined;
  return (
    <p className="notice">
      {t("workshop.board.dotsLeft", { count: left })}
      {seconds !== undefined && ` · ${t("workshop.board.until", { count: Math.ceil(seconds / 60) })}`}
    </p>
  );
}

function CardItem({ card, mine, voting, left, onChange }: { card: BoardCard; mine: number; voting: boolean; left: number; onChange: (d: 1 | -1) => void }) {
  const { t } = useTranslation();
  return (
    <li className="workshop-item">
      <p className="workshop-item__text">{card.text}</p>
      <p className="workshop-item__meta">{t("workshop.board.dots", { count: card.dots })}</p>
      {voting && (
        <p className="button-row">
          <button type="button" className="button button--secondary button--small" disabled={mine === 0} aria-label={t("workshop.board.dotRemove", { text: card.text })} onClick={() => onChange(-1)}>
            −
          </button>
          <span>{t("workshop.board.mine", { count: mine })}</span>
          <button type="button" className="button button--secondary button--small" disabled={left <= 0} aria-label={t("workshop.board.dotAdd", { text: card.text })} onClick={() => onChange(1)}>
            +
          </button>
        </p>
      )}
    </li>
  );
}

/** The card form; its text is its own state, so no live update overwrites it. */
function CardForm({ view, apply }: { view: ModuleView; apply: (action: SessionAction) => void }) {
  const limits = useLimits();
  const { t } = useTranslation();
  const columns = view.module.board?.columns ?? [];
  const [text, setText] = useState("");
  const [column, setColumn] = useState(0);
  const add = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void add.run(async () => {
      const card = await addCard(view.module.id, text.trim(), column);
      apply({ type: "card", card: { ...card, mine: true } });
      setText("");
    });
  };
  const id = `card-${view.module.id}`;
  return (
    <form className="workshop-form" onSubmit={submit}>
      <label htmlFor={id} className="field__label">
        {t("workshop.board.card")}
      </label>
      <textarea id={id} rows={2} maxLength={limits?.workshop_card} value={text} onChange={(e) => setText(e.target.value)} required />
      {columns.length > 1 && (
        <label className="field">
          <span className="field__label">{t("workshop.board.column")}</span>
          <select value={column} onChange={(e) => setColumn(Number(e.target.value))}>
            {columns.map((c, i) => (
              <option key={i} value={i}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorAlert error={add.error} />
      <p className="form__actions">
        <button type="submit" className="button" aria-disabled={add.busy || undefined}>
          {t("workshop.board.add")}
        </button>
      </p>
    </form>
  );
}


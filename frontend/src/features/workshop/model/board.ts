import type { BoardCard, DotPlacement, ModuleView } from "../api/workshops";

/** A group of a board's cards as shown: a column or a theme. */
export interface CardGroup {
  key: string;
  title: string;
  cards: BoardCard[];
}

/** The visible cards of a board by column, or by theme (those without one last), most dots first. */
export function boardGroups(view: ModuleView, by: "column" | "theme", noTheme: string): CardGroup[] {
  const cards = (view.cards ?? []).filter((c) => c.state === "visible").sort((a, b) => b.dots - a.dots || a.id - b.id);
  if (by === "theme") {
    const themes = view.themes ?? [];
    const groups = themes.map((th) => ({ key: `t${th.id}`, title: th.title, cards: cards.filter((c) => c.theme_id === th.id) }));
    const known = new Set(themes.map((th) => th.id));
    const rest = cards.filter((c) => c.theme_id === undefined || !known.has(c.theme_id));
    return rest.length > 0 ? [...groups, { key: "none", title: noTheme, cards: rest }] : groups;
  }
  const columns = view.module.board?.columns?.length ? view.module.board.columns : [""];
  return columns.map((title, i) => ({ key: `c${i}`, title, cards: cards.filter((c) => c.column === i || (i === 0 && c.column >= columns.length)) }));
}

/** Dots of a person's budget not placed yet. */
export function dotsLeft(budget: number, mine: readonly DotPlacement[]): number {
  return budget - mine.reduce((sum, d) => sum + d.dots, 0);
}

/** One's placements with one dot more (1) or less (-1) on a card; a card without dots drops out. */
export function withDot(mine: readonly DotPlacement[], cardId: number, delta: 1 | -1): DotPlacement[] {
  const current = mine.find((d) => d.card_id === cardId)?.dots ?? 0;
  const next = current + delta;
  const others = mine.filter((d) => d.card_id !== cardId);
  return next > 0 ? [...others, { card_id: cardId, dots: next }] : others;
}

/** What a live re-read compares: an item's id and the states that change without text. */
export interface Changeable {
  id: number;
  status?: string | undefined;
  version?: number | undefined;
  pending?: boolean | undefined;
  progress?: { reviewed: number; assigned: number } | undefined;
}

/**
 * A fingerprint of a list, so a re-read after a live frame tells whether anything the page shows
 * changed: the room replays its older frames on connect, which must not be announced as news.
 */
export function listSignature(items: readonly Changeable[]): string {
  return items
    .map((i) => [i.id, i.status ?? "", i.version ?? "", i.pending ? 1 : 0, i.progress ? `${i.progress.reviewed}/${i.progress.assigned}` : ""].join(":"))
    .join("|");
}

/** The items of a re-read page merged into the shown list: changed ones replaced, new ones first. */
export function mergeById<T extends { id: number }>(shown: readonly T[], fresh: readonly T[]): T[] {
  const byId = new Map(fresh.map((i) => [i.id, i]));
  const known = new Set(shown.map((i) => i.id));
  return [...fresh.filter((i) => !known.has(i.id)), ...shown.map((i) => byId.get(i.id) ?? i)];
}

import { useEffect, useRef, useState, type RefObject } from "react";

/** A row of a reorderable list; its key stays with it when it moves. */
export interface KeyedRow {
  key: string;
}

/** Where the focus goes after a row moved, was added or removed. */
type FocusTarget = { key: string; control: string } | "add" | null;

interface ReorderableRowsOptions<T extends KeyedRow> {
  /** The element holding the rows. */
  rootRef: RefObject<HTMLElement | null>;
  /** The attribute naming a row's key, e.g. "data-section" on each row's element. */
  rowAttribute: `data-${string}`;
  rows: readonly T[];
  onChange: (rows: T[]) => void;
}

export interface ReorderableRows<T extends KeyedRow> {
  /** For the "add" button, which takes the focus after a row was removed. */
  addRef: RefObject<HTMLButtonElement | null>;
  /** Moves a row up (-1) or down (1); the focus stays on its move button (or the other one at an end). */
  move: (index: number, delta: -1 | 1) => void;
  /** Appends a row and focuses its control marked `data-focus={control}`. */
  add: (row: T, control: string) => void;
  remove: (key: string) => void;
  update: (key: string, patch: Partial<T>) => void;
}

/**
 * Adding, removing and reordering rows of an editor, with the focus where a keyboard user
 * expects it: moving a row keeps the focus on its move button, a new row's first control takes
 * it, and after removing a row the "add" button does. Rows mark their move buttons
 * `data-focus="up"` and `data-focus="down"` (see RowMoveButtons).
 */
export function useReorderableRows<T extends KeyedRow>({
  rootRef,
  rowAttribute,
  rows,
  onChange,
}: ReorderableRowsOptions<T>): ReorderableRows<T> {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);

  useEffect(() => {
    if (focus === null) return;
    setFocus(null);
    if (focus === "add") {
      addRef.current?.focus();
      return;
    }
    const row = rootRef.current?.querySelector(`[${rowAttribute}="${focus.key}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-focus="${focus.control}"]`);
    // A row moved to the top or bottom has that move button disabled; the other one is next.
    const other = focus.control === "up" ? "down" : "up";
    const target = wanted && !wanted.matches(":disabled") ? wanted : row?.querySelector<HTMLElement>(`[data-focus="${other}"]`);
    target?.focus();
  }, [focus, rootRef, rowAttribute]);

  const move = (index: number, delta: -1 | 1) => {
    const row = rows[index];
    if (!row || index + delta < 0 || index + delta >= rows.length) return;
    const next = rows.filter((_, i) => i !== index);
    next.splice(index + delta, 0, row);
    onChange(next);
    setFocus({ key: row.key, control: delta < 0 ? "up" : "down" });
  };

  const add = (row: T, control: string) => {
    onChange([...rows, row]);
    setFocus({ key: row.key, control });
  };

  const remove = (key: string) => {
    onChange(rows.filter((r) => r.key !== key));
    setFocus("add");
  };

  const update = (key: string, patch: Partial<T>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return { addRef, move, add, remove, update };
}

import { useRef, useState } from "react";

interface Page<T> {
  items: T[];
  next_cursor?: string | undefined;
}

/**
 * A list read page by page with the server's cursor ("Mehr laden"). After the last page the
 * focus moves to the list's summary, since the button that had it is gone.
 */
export function usePaged<T>(first: Page<T>, more: (cursor: string) => Promise<Page<T>>) {
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.next_cursor);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const loadMore = async () => {
    if (busy || !cursor) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const page = await more(cursor);
      setItems((before) => [...before, ...page.items]);
      setCursor(page.next_cursor);
      if (!page.next_cursor) summaryRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { items, setItems, cursor, busy, failure, loadMore, summaryRef };
}

import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Page } from '../api/client';
import { whileCurrent } from './current';

export interface CursorList<T> {
  items: T[];
  /** The first page is loading (the list is replaced when it arrives). */
  loading: boolean;
  /** A following page is loading (its items are appended). */
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Extra members of the first page's answer, such as a total count. */
  extra: Record<string, unknown>;
}

/**
 * A keyset-paginated list: the first page loads when the dependencies change, "load more" appends the page after
 * the last cursor. Answers to a request made before the dependencies changed are dropped.
 */
export function useCursorList<T>(
  loadPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: DependencyList,
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<Record<string, unknown>>({});
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    setError(undefined);
    whileCurrent(loadRef.current(undefined, controller.signal), controller.signal, {
      result: (page) => {
        const { items: first, next: cursor, ...rest } = page as Page<T> & Record<string, unknown>;
        setItems(first);
        setNext(cursor);
        setExtra(rest);
      },
      failure: (failure) => {
        setItems([]);
        setNext(undefined);
        setError(failure);
      },
      settled: () => setLoading(false),
    });
    return () => controller.abort();
  }, [...deps, generation]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!next || !controller || loadingMore) {
      return;
    }
    setLoadingMore(true);
    whileCurrent(loadRef.current(next, controller.signal), controller.signal, {
      result: (page) => {
        setItems((current) => [...current, ...page.items]);
        setNext(page.next);
      },
      failure: setError,
      settled: () => setLoadingMore(false),
    });
  }, [next, loadingMore]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { items, loading, loadingMore, error, hasMore: Boolean(next), loadMore, reload, extra };
}

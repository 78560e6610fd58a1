import { Card, Tooltip } from 'antd';
import type { CursorList } from '../hooks/useCursorList';
import { ListTable, type ListTableProps } from './ListTable';
import { LoadMore } from './LoadMore';
import { ProblemAlert } from './ProblemAlert';

type CursorTableProps<T> = { list: CursorList<T> } & Omit<ListTableProps<T>, 'rows' | 'loading' | 'paged'>;

/**
 * A keyset-paginated list as a table in the page's table card: why its last page failed to load (with a retry), its
 * rows so far, and the count with the button for the next page. The rest of the props go to the table.
 */
export function CursorTable<T extends object>({ list, ...table }: CursorTableProps<T>) {
  return (
    <Card variant="borderless" className="table-card">
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} className="page-alert" /> : null}
      <ListTable<T> size="middle" {...table} rows={list.items} loading={list.loading} />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </Card>
  );
}

/** A long text cut to its cell's width, whole in a tooltip. */
export function TruncatedText({ text }: { text: string }) {
  return (
    <Tooltip title={text} placement="topLeft">
      <span className="audit-detail">{text}</span>
    </Tooltip>
  );
}

import { Table, Tooltip, type TableProps } from 'antd';
import type { CursorList } from '../hooks/useCursorList';
import { LoadMore } from './LoadMore';
import { ProblemAlert } from './ProblemAlert';

type CursorTableProps<T> = { list: CursorList<T> } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>;

/**
 * A keyset-paginated list as a table: why its last page failed to load (with a retry), its rows so far, and the
 * count with the button for the next page. The rest of the props go to the table.
 */
export function CursorTable<T extends object>({ list, ...table }: CursorTableProps<T>) {
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} className="page-alert" /> : null}
      <Table<T> size="middle" {...table} dataSource={list.items} loading={list.loading} pagination={false} />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </>
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

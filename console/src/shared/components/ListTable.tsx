import { Table, type TableProps } from 'antd';
import { EmptyState } from './EmptyState';
import { testProps } from './testProps';

/** Lists longer than this are shown a page at a time when a table is `paged`. */
const PAGE_SIZE = 20;

export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale'> & {
  rows: readonly T[];
  /** The sentence shown in place of rows when there are none. */
  empty?: string;
  /** Pages of twenty rows once there are more than twenty; otherwise every row at once. */
  paged?: boolean;
  /** The `data-testid` of each row. */
  rowTestId?: string;
  /** What a click on a row opens; such rows look clickable. */
  onOpen?: (row: T) => void;
};

function rowProps(testId: string | undefined, onClick: (() => void) | undefined) {
  return testId ? testProps(testId, onClick) : { onClick };
}

/**
 * Rows the page already holds, as a small table: told apart by their `id` unless `rowKey` says otherwise, all at once
 * (or twenty at a time when `paged`), a quiet sentence when there are none, and rows that may carry a test id and open
 * something when clicked. The rest of the props go to the table.
 */
export function ListTable<T extends object>({ rows, empty, paged, rowTestId, onOpen, ...table }: ListTableProps<T>) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      rowClassName={onOpen ? 'clickable-row' : undefined}
      onRow={rowTestId || onOpen ? (row) => rowProps(rowTestId, onOpen && (() => onOpen(row))) : undefined}
      {...table}
      dataSource={rows}
      pagination={paged && rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
      locale={empty === undefined ? undefined : { emptyText: <EmptyState description={empty} /> }}
    />
  );
}

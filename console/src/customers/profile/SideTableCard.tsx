import { Card } from 'antd';
import { ListTable, type ListTableProps } from '../../shared/components/ListTable';
import { useFormat } from '../../shared/hooks/useFormat';

type SideTableCardProps<T> = Omit<ListTableProps<T>, 'title'> & { title: string; testId: string };

/** A card beside the profile's facts holding a small table, with how many rows it has beside its title. */
export function SideTableCard<T extends object>({ title, testId, ...table }: SideTableCardProps<T>) {
  const format = useFormat();
  return (
    <Card
      variant="borderless"
      className="side-card"
      title={title}
      extra={<span className="muted">{format.number(table.rows.length)}</span>}
      data-testid={testId}
    >
      <ListTable<T> {...table} />
    </Card>
  );
}

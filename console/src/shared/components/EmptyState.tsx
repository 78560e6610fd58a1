import { Empty } from 'antd';

/** What a list or chart shows when it has nothing: a quiet picture and a sentence that says why or what to do. */
export function EmptyState({ description }: { description: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />;
}

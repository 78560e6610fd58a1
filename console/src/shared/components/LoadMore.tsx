import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

interface LoadMoreProps {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  testId?: string;
}

/** The foot of a keyset-paginated list: how many rows are shown, and a button for the next page while there is one. */
export function LoadMore({ shown, hasMore, loading, onLoadMore, testId = 'load-more' }: LoadMoreProps) {
  const { t } = useI18n();
  if (shown === 0) {
    return null;
  }
  return (
    <div className="load-more">
      <span className="load-more-count">{t(hasMore ? 'list.shown' : 'list.all', { count: shown })}</span>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loading} data-testid={testId}>
          {t('list.loadMore')}
        </Button>
      )}
    </div>
  );
}

import { Alert, Card, Skeleton } from 'antd';
import { ApiError } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeader, type Crumb } from './PageHeader';

/** The records with a page of their own, named as their messages are: `<kind>.title` and `<kind>.notFound`. */
type RecordKind =
  | 'profile'
  | 'order'
  | 'product'
  | 'segment'
  | 'tag'
  | 'message'
  | 'outboxMessage'
  | 'template'
  | 'journey'
  | 'webhook';

interface RecordPendingProps {
  kind: RecordKind;
  /** The record's id, as the address names it. */
  id: string;
  breadcrumb: Crumb[];
  /** Why the record failed to load, if it did. */
  error: unknown;
  onRetry: () => void;
  /** How many lines the skeleton shows while the record loads. */
  skeletonRows?: number;
  /** Whether the skeleton starts with an avatar, as a customer's page does. */
  avatar?: boolean;
}

/**
 * The page of one record (a customer, an order, a segment...) before the record is there: a warning when it does not
 * exist, the problem with a retry when it failed to load, and a skeleton while it loads.
 */
export function RecordPending({ kind, id, breadcrumb, error, onRetry, skeletonRows = 8, avatar }: RecordPendingProps) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(`${kind}.title`, { id })} breadcrumb={breadcrumb} />
      {error instanceof ApiError && error.status === 404 ? (
        <Alert type="warning" showIcon title={t(`${kind}.notFound`, { id })} />
      ) : error ? (
        <ProblemAlert error={error} onRetry={onRetry} />
      ) : (
        <Card variant="borderless">
          <Skeleton active avatar={avatar} paragraph={{ rows: skeletonRows }} />
        </Card>
      )}
    </>
  );
}

import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { LoadMore } from '../../shared/components/LoadMore';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { eventNameLabel, eventTypeLabel } from '../../shared/labels';
import { customersApi, type EventCount, type EventType, type TimelineEvent } from '../api';
import { eventSummary, eventTitle } from './eventSummary';
import { EmptyState } from '../../shared/components/EmptyState';

const TYPE_COLOURS: Record<EventType, string> = {
  identify: 'purple',
  track: 'blue',
  page: 'cyan',
  screen: 'geekblue',
  group: 'gold',
  alias: 'magenta',
};

/** The customer's events, newest first, a page at a time, optionally only those of one name. */
export function Timeline({ customerId, eventCounts }: { customerId: number; eventCounts: EventCount[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const [name, setName] = useState<string>();
  const list = useCursorList(
    (cursor, signal) => customersApi.events(customerId, name, cursor, signal),
    [customerId, name],
  );
  const total = typeof list.extra.total === 'number' ? list.extra.total : undefined;

  return (
    <div data-testid="profile-timeline">
      <div className="timeline-toolbar">
        <Select
          allowClear
          showSearch
          className="timeline-filter"
          placeholder={t('timeline.allEvents')}
          value={name}
          onChange={(value?: string) => setName(value)}
          data-testid="timeline-filter"
          options={eventCounts.map((entry) => ({
            value: entry.name,
            label: `${eventNameLabel(t, entry.name)} (${format.number(entry.count)})`,
          }))}
        />
        {total !== undefined && (
          <span className="muted" data-testid="timeline-total">
            {t('timeline.total', { count: format.number(total) })}
          </span>
        )}
      </div>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : list.items.length === 0 ? (
        <EmptyState description={t('timeline.empty')} />
      ) : (
        <ol className="timeline">
          {list.items.map((event) => (
            <TimelineItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      <LoadMore
        shown={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
        testId="timeline-load-more"
      />
    </div>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { t } = useI18n();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const summary = eventSummary(event, t, format);
  const title = eventTitle(event, t);
  return (
    <li className={`timeline-item timeline-${event.type}`} data-testid="timeline-event">
      <span className="timeline-dot" />
      <div className="timeline-body">
        <div className="timeline-head">
          <Tag color={TYPE_COLOURS[event.type] ?? 'default'} variant="filled" className="timeline-type">
            {eventTypeLabel(t, event.type)}
          </Tag>
          <span className="timeline-name">{title}</span>
          <span className="timeline-time" title={event.receivedAt ? t('timeline.receivedAt', { time: format.preciseDateTime(event.receivedAt) }) : undefined}>
            {format.preciseDateTime(event.occurredAt)}
          </span>
        </div>
        <div className="timeline-summary">
          {summary && <span>{summary}</span>}
          <Button
            type="link"
            size="small"
            className="timeline-toggle"
            icon={open ? <DownOutlined /> : <RightOutlined />}
            iconPlacement="end"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            data-testid="timeline-details-toggle"
          >
            {t(open ? 'timeline.hideDetails' : 'timeline.showDetails')}
          </Button>
        </div>
        {open && (
          <div className="timeline-details" data-testid="timeline-details">
            <JsonBlock label={t('timeline.properties')} value={event.properties} />
            <JsonBlock label={t('timeline.context')} value={event.context} />
            {event.messageId && (
              <div className="timeline-message-id">
                {t('timeline.messageId')}: <span className="mono">{event.messageId}</span>
              </div>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const empty = value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  return (
    <div className="json-block">
      <div className="json-label">{label}</div>
      {empty ? <div className="muted">—</div> : <pre>{JSON.stringify(value, null, 2)}</pre>}
    </div>
  );
}

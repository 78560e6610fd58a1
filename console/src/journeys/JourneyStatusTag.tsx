import { Tag } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { JourneyStatus } from './api';

const COLOR: Record<JourneyStatus, string> = { draft: 'default', published: 'green', paused: 'orange', archived: 'default' };

export function JourneyStatusTag({ status }: { status: JourneyStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="journey-status" data-status={status}>
      {t(`journey.status.${status}`)}
    </Tag>
  );
}

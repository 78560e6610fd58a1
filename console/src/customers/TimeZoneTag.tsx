import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { Profile } from './api';

/**
 * The zone a customer's times of day are read in (quiet hours, "at 9:00"): their own, named by their device, or the
 * brand's when none of their messages named one.
 */
export function TimeZoneTag({ timeZone }: { timeZone: Profile['timeZone'] }) {
  const { t } = useI18n();
  const format = useFormat();
  const own = timeZone.source === 'customer';
  return (
    <Tooltip
      title={own && timeZone.seenAt ? t('profile.timeZoneOwn', { at: format.dateTime(timeZone.seenAt) }) : t('profile.timeZoneBrand')}
    >
      <Tag icon={<ClockCircleOutlined />} variant={own ? 'filled' : 'outlined'} data-testid="profile-time-zone">
        {timeZone.zone}
        {!own && ` · ${t('profile.timeZoneBrandShort')}`}
      </Tag>
    </Tooltip>
  );
}

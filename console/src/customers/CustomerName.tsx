import { Avatar } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';

const AVATAR_COLOURS = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#52c41a', '#2f54eb', '#faad14'];

/** The name people know a customer by, or "Customer #id" for profiles without one. */
export function customerTitle(t: ReturnType<typeof useI18n>['t'], id: number, name?: string): string {
  return name?.trim() ? name : t('customer.anonymous', { id });
}

export function CustomerName({ id, name, size = 'small' }: { id: number; name?: string; size?: 'small' | 'default' | number }) {
  const { t } = useI18n();
  const title = customerTitle(t, id, name);
  const initial = name?.trim() ? Array.from(name.trim())[0].toUpperCase() : '#';
  return (
    <span className="customer-name">
      <Avatar size={size} style={{ background: AVATAR_COLOURS[id % AVATAR_COLOURS.length] }}>
        {initial}
      </Avatar>
      <span className="customer-name-text">{title}</span>
    </span>
  );
}

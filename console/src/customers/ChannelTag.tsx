import { Tag } from 'antd';
import { useI18n } from '../shared/i18n/I18nProvider';
import { channelLabel } from '../shared/labels';

const COLOURS: Record<string, string> = {
  wechat: 'green',
  wecom: 'cyan',
  'mini-program': 'lime',
  douyin: 'magenta',
  xiaohongshu: 'red',
  weibo: 'orange',
  web: 'blue',
  app: 'geekblue',
  email: 'purple',
  sms: 'gold',
};

/** A customer's channel of origin as a coloured tag. */
export function ChannelTag({ channel }: { channel?: string }) {
  const { t } = useI18n();
  if (!channel) {
    return <span className="muted">—</span>;
  }
  return (
    <Tag color={COLOURS[channel] ?? 'default'} variant="filled">
      {channelLabel(t, channel)}
    </Tag>
  );
}

import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

/** Switches between Chinese and English; shows the language it switches to, written in that language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { language, setLanguage, t } = useI18n();
  const other = language === 'zh' ? 'en' : 'zh';
  return (
    <Tooltip title={t('language.switch')}>
      <Button
        type="text"
        className={className}
        icon={<TranslationOutlined />}
        data-testid="language-switch"
        lang={other === 'zh' ? 'zh-CN' : 'en'}
        onClick={() => setLanguage(other)}
      >
        {other === 'zh' ? '中文' : 'English'}
      </Button>
    </Tooltip>
  );
}

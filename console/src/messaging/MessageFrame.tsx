import { Empty, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messageDocument } from './messageDocument';

interface MessageFrameProps {
  html?: string | null;
  text: string;
  /** More tabs after the HTML and the text, such as the headers. */
  extraTabs?: { key: string; label: ReactNode; children: ReactNode }[];
  testId: string;
  height?: number;
}

/**
 * A message as its customer would see it: the HTML in a frame that runs no script, shares nothing with the console and
 * loads nothing from anywhere (see {@link messageDocument}), and the plain text beside it.
 */
export function MessageFrame({ html, text, extraTabs = [], testId, height = 520 }: MessageFrameProps) {
  const { t } = useI18n();
  return (
    <Tabs
      data-testid={testId}
      items={[
        {
          key: 'html',
          label: <span data-testid={`${testId}-tab-html`}>{t('message.html')}</span>,
          children: html ? (
            <>
              <iframe
                title={t('message.html')}
                className="message-frame"
                sandbox=""
                referrerPolicy="no-referrer"
                srcDoc={messageDocument(html)}
                style={{ height }}
                data-testid={`${testId}-html`}
              />
              <div className="muted small message-frame-note">{t('message.framed')}</div>
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('message.noHtml')} />
          ),
        },
        {
          key: 'text',
          label: <span data-testid={`${testId}-tab-text`}>{t('message.text')}</span>,
          children: (
            <pre className="message-text" data-testid={`${testId}-text`}>
              {text}
            </pre>
          ),
        },
        ...extraTabs,
      ]}
    />
  );
}

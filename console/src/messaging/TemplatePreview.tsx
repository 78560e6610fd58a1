import { Alert, Card, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { ApiError, type FieldError } from '../shared/api/client';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useDebouncedValue } from '../shared/hooks/useDebouncedValue';
import { useI18n } from '../shared/i18n/I18nProvider';
import { messagingApi, type Draft } from './api';
import { CustomerPicker } from './CustomerPicker';
import { MessageFrame } from './MessageFrame';

interface TemplatePreviewProps {
  templateId: number;
  /** The parts as typed, saved or not: the preview follows them once typing pauses. */
  draft: Draft;
  customerId?: number;
  onCustomer: (id: number | undefined) => void;
  /** The rules the draft breaks, as the server found them while rendering it, for the editor to mark its fields. */
  onDraftErrors: (errors: FieldError[]) => void;
}

/** The template as the chosen customer would get it, rendered by the server from the editor's draft. */
export function TemplatePreview({ templateId, draft, customerId, onCustomer, onDraftErrors }: TemplatePreviewProps) {
  const { t } = useI18n();
  const typed = useMemo(() => JSON.stringify(draft), [draft]);
  const settled = useDebouncedValue(typed, 500);
  const preview = useApi(
    (signal) => messagingApi.preview(templateId, customerId, JSON.parse(settled) as Draft, signal),
    [templateId, customerId, settled],
  );
  const draftErrors = preview.error instanceof ApiError && preview.error.status === 400 ? (preview.error.problem.errors ?? []) : [];

  useEffect(() => {
    if (!preview.loading) {
      onDraftErrors(draftErrors);
    }
    // the errors are derived from the answer: report them once per answer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preview.error, preview.data, preview.loading]);

  const state = preview.loading || settled !== typed ? 'rendering' : preview.error ? 'error' : 'ready';
  return (
    <Card
      variant="borderless"
      className="section-card"
      title={t('template.preview')}
      extra={<span className="muted small">{t(customerId ? 'template.previewFor' : 'template.previewEmpty')}</span>}
      data-testid="template-preview"
      data-state={state}
    >
      <Space orientation="vertical" size={12} className="full-width">
        <CustomerPicker value={customerId} onChange={onCustomer} testId="preview-customer" placeholder={t('template.previewCustomer')} />
        {draftErrors.length > 0 ? (
          <Alert type="error" showIcon title={t('template.draftProblems')} data-testid="template-preview-error" />
        ) : preview.error ? (
          <ProblemAlert error={preview.error} onRetry={preview.reload} />
        ) : null}
        {preview.data && (
          <div className={state === 'ready' ? undefined : 'preview-stale'}>
            <Typography.Paragraph className="preview-subject">
              <span className="muted">{t('message.subject')}: </span>
              <strong data-testid="template-preview-subject">{preview.data.subject}</strong>
            </Typography.Paragraph>
            <MessageFrame testId="template-preview-message" html={preview.data.html} text={preview.data.text} />
            {preview.data.sms && (
              <Typography.Paragraph className="muted small" data-testid="template-preview-sms">
                <span className="mono">{preview.data.sms.templateCode}</span>
                {Object.entries(preview.data.sms.parameters).map(([name, value]) => (
                  <span key={name} className="mono" data-testid="template-preview-sms-parameter">
                    {' '}
                    {name}={JSON.stringify(value)}
                  </span>
                ))}
              </Typography.Paragraph>
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}

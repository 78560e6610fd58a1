import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CustomerName } from '../customers/CustomerName';
import { CustomerPicker } from '../messaging/CustomerPicker';
import { MessageFrame } from '../messaging/MessageFrame';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useI18n } from '../shared/i18n/I18nProvider';
import { journeysApi, type DryRun, type DryRunStep } from './api';
import type { JourneyGraph } from './graph';

interface DryRunPanelProps {
  journeyId: number;
  /** The graph as drawn, saved or not. */
  graph: JourneyGraph;
}

/**
 * A dry run of the graph as drawn: who would enter now (how many, and the first of them), and for a chosen customer the
 * nodes they would pass and the messages they would get, rendered by the server. Nothing is saved or sent.
 */
export function DryRunPanel({ journeyId, graph }: DryRunPanelProps) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number>();
  const [answer, setAnswer] = useState<DryRun>();
  const [failure, setFailure] = useState<unknown>();
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setFailure(undefined);
    try {
      setAnswer(await journeysApi.dryRun(graph, journeyId, customerId));
    } catch (error) {
      setAnswer(undefined);
      setFailure(error);
    } finally {
      setRunning(false);
    }
  };

  const entry = answer?.entry;
  return (
    <Space orientation="vertical" size={16} className="full-width" data-testid="journey-dry-run">
      <Typography.Paragraph className="muted">{t('journey.dryRun.hint')}</Typography.Paragraph>
      <Space wrap>
        <CustomerPicker value={customerId} onChange={setCustomerId} testId="dry-run-customer" placeholder={t('journey.dryRun.customer')} style={{ minWidth: 320 }} />
        <Button type="primary" onClick={run} loading={running} data-testid="dry-run-start">
          {t('journey.dryRun.run')}
        </Button>
      </Space>
      {failure ? <ProblemAlert error={failure} /> : null}
      {entry && (
        <Card variant="borderless" className="section-card" title={t('journey.dryRun.entry')}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('journey.dryRun.count')}>
              <span data-testid="dry-run-count">
                {entry.count === undefined ? t('journey.dryRun.byCaller') : `${entry.countAtLeast ? '≥ ' : ''}${entry.count}`}
              </span>
            </Descriptions.Item>
            {entry.expectedControl !== undefined && (
              <Descriptions.Item label={t('journey.dryRun.control')}>{entry.expectedControl}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('journey.dryRun.applied')}>{entry.applied.join('; ')}</Descriptions.Item>
          </Descriptions>
          {entry.sample.length > 0 && (
            <List
              size="small"
              header={t('journey.dryRun.sample')}
              dataSource={entry.sample}
              data-testid="dry-run-sample"
              renderItem={(entrant) => (
                <List.Item>
                  <Space>
                    <CustomerName id={entrant.customer.id} name={entrant.customer.displayName} />
                    <span className="muted small">{entrant.customer.email ?? entrant.customer.phone}</span>
                    {entrant.control && <Tag>{t('journey.dryRun.inControl')}</Tag>}
                    {entrant.alreadyEntered && <Tag color="gold">{t('journey.dryRun.alreadyEntered')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {answer?.walk && (
        <Card variant="borderless" className="section-card" title={t('journey.dryRun.path')}>
          {answer.walk.control && <Alert type="info" showIcon title={t('journey.dryRun.walkControl')} />}
          {answer.walk.alreadyEntered && <Alert type="warning" showIcon title={t('journey.dryRun.walkAlready')} />}
          <List
            size="small"
            dataSource={answer.walk.path}
            data-testid="dry-run-path"
            renderItem={(step) => <PathStep step={step} />}
            footer={<span className="muted">{t('journey.dryRun.end', { end: answer.walk.end })}</span>}
          />
        </Card>
      )}
    </Space>
  );
}

function PathStep({ step }: { step: DryRunStep }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="dry-run-step">
      <Space orientation="vertical" className="full-width">
        <span>
          <span className="mono">{step.node}</span> <Tag>{step.type}</Tag> {step.detail}
        </span>
        {step.message && (
          <>
            <Typography.Text>
              <span className="muted">{t('message.subject')}: </span>
              <strong data-testid="dry-run-subject">{step.message.subject}</strong>
            </Typography.Text>
            <MessageFrame html={step.message.html} text={step.message.text} height={320} testId="dry-run-message" />
            {step.message.smsParameters && (
              <span className="mono small">
                {step.message.smsTemplateCode}{' '}
                {Object.entries(step.message.smsParameters)
                  .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
                  .join(' ')}
              </span>
            )}
          </>
        )}
      </Space>
    </List.Item>
  );
}

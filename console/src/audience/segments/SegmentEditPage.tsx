import { CodeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Skeleton, Space, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { FieldError } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { audienceApi, type Segment } from '../api';
import { ConditionBuilder } from '../builder/ConditionBuilder';
import { LivePanel } from '../builder/LivePanel';
import { definitionErrors, useLiveAudience } from '../builder/useLiveAudience';
import { CatalogProvider, segmentTitle } from '../catalog';
import { definitionOf, isDefinition, starterCondition, type Condition } from '../condition/model';

const ROOT = 'definition.condition';

function Editor({ segment }: { segment?: Segment }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [condition, setCondition] = useState<Condition>(segment?.definition.condition ?? starterCondition());
  const [showJson, setShowJson] = useState(false);
  const [jsonText, setJsonText] = useState('');
  const [jsonInvalid, setJsonInvalid] = useState(false);
  const submission = useSubmission();
  const definition = useMemo(() => definitionOf(condition), [condition]);
  const live = useLiveAudience(definition, true);

  useEffect(() => {
    if (showJson) {
      setJsonText(JSON.stringify(definition, null, 2));
      setJsonInvalid(false);
    }
    // only when the view opens: while the operator types in it, their text stays as they typed it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showJson]);

  // the errors of the last save while nothing changed since, else those of the live count
  const saveErrors = submission.fieldErrors;
  const errors: FieldError[] = saveErrors.length > 0 ? saveErrors : definitionErrors(live.count.error, ROOT);
  const nameError = saveErrors.find((error) => error.field === 'name');

  const change = (next: Condition) => {
    setCondition(next);
    submission.clear();
  };

  const save = () => {
    const change = { name: name.trim(), description: description.trim() || undefined, definition };
    return submission.submit(
      () => (segment ? audienceApi.updateSegment(segment.id, change) : audienceApi.createSegment(change)),
      {
        success: t(segment ? 'segment.saved' : 'segment.created'),
        onSuccess: (saved) => navigate(`/segments/${saved.id}`),
      },
    );
  };

  const crumbs = [{ title: t('nav.segments'), path: '/segments' }];
  const title = segment ? t('segment.editTitle', { name: segmentTitle(t, segment) }) : t('segment.newTitle');
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={segment ? [...crumbs, { title: segmentTitle(t, segment), path: `/segments/${segment.id}` }, { title: t('action.edit') }] : [...crumbs, { title: t('segment.newTitle') }]}
        subtitle={t('segment.editSubtitle')}
        extra={
          <Space>
            <Button onClick={() => navigate(segment ? `/segments/${segment.id}` : '/segments')}>{t('action.cancel')}</Button>
            <Button type="primary" loading={submission.submitting} onClick={save} disabled={!name.trim()} data-testid="segment-save">
              {t('action.save')}
            </Button>
          </Space>
        }
      />
      {submission.failure !== undefined && saveErrors.length === 0 && <ProblemAlert error={submission.failure} className="page-alert" />}
      {saveErrors.some((error) => error.field !== 'name') && (
        <Alert className="page-alert" type="error" showIcon title={t('segment.fixRules')} data-testid="segment-save-error" />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Card variant="borderless" className="section-card" title={t('segment.basics')}>
            <Form layout="vertical" requiredMark={false}>
              <Row gutter={16}>
                <Col xs={24} md={10}>
                  <Form.Item
                    label={t('segment.name')}
                    required
                    validateStatus={nameError ? 'error' : undefined}
                    help={nameError?.detail}
                    style={{ marginBottom: 0 }}
                  >
                    <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={120} placeholder={t('segment.namePlaceholder')} data-testid="segment-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item label={t('segment.description')} style={{ marginBottom: 0 }}>
                    <Input value={description} onChange={(event) => setDescription(event.target.value)} placeholder={t('segment.descriptionPlaceholder')} data-testid="segment-description" />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          <Card
            variant="borderless"
            className="section-card"
            title={t('segment.conditions')}
            extra={
              <Space size={6} className="muted small">
                <CodeOutlined />
                {t('builder.json')}
                <Switch size="small" checked={showJson} onChange={setShowJson} data-testid="builder-json-toggle" />
              </Space>
            }
          >
            {showJson ? (
              <>
                <Input.TextArea
                  className="json-view"
                  value={jsonText}
                  autoSize={{ minRows: 10, maxRows: 30 }}
                  status={jsonInvalid ? 'error' : undefined}
                  onChange={(event) => {
                    setJsonText(event.target.value);
                    try {
                      const parsed: unknown = JSON.parse(event.target.value);
                      if (isDefinition(parsed)) {
                        setJsonInvalid(false);
                        change(parsed.condition);
                        return;
                      }
                    } catch {
                      // keep typing
                    }
                    setJsonInvalid(true);
                  }}
                />
                {jsonInvalid && <div className="muted small">{t('builder.jsonInvalid')}</div>}
              </>
            ) : (
              <ConditionBuilder value={condition} onChange={change} rootPath={ROOT} errors={errors} segmentId={segment?.id} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <LivePanel live={live} />
        </Col>
      </Row>
    </>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi((signal) => audienceApi.segment(id, signal), [id]);
  if (error) {
    return (
      <>
        <PageHeader title={t('segment.editTitle', { name: `#${id}` })} breadcrumb={[{ title: t('nav.segments'), path: '/segments' }]} />
        <ProblemAlert error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (data.builtIn) {
    return (
      <>
        <PageHeader title={segmentTitle(t, data)} breadcrumb={[{ title: t('nav.segments'), path: '/segments' }]} />
        <Alert type="info" showIcon title={t('segment.builtInLocked')} />
      </>
    );
  }
  return <Editor segment={data} />;
}

/** Creating a segment (/segments/new) or changing one (/segments/:id/edit) with the visual builder and a live count. */
export default function SegmentEditPage() {
  const { id } = useParams();
  return <CatalogProvider>{id ? <EditExisting key={id} id={id} /> : <Editor />}</CatalogProvider>;
}

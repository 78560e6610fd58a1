import { EditOutlined, EyeOutlined, InboxOutlined, PauseOutlined, CaretRightOutlined, RocketOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { ApiError } from '../shared/api/client';
import { testProps } from '../shared/components/testProps';
import { ListTable } from '../shared/components/ListTable';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useDebouncedValue } from '../shared/hooks/useDebouncedValue';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { journeysApi, type Journey, type JourneyReport, type JourneyVersion } from './api';
import { JourneyCanvas } from './canvas/JourneyCanvas';
import { useJourneyCatalog } from './catalog';
import { readGraph, withoutPositions, type JourneyGraph } from './graph';
import { JourneyStatusTag } from './JourneyStatusTag';
import { layoutGraph, needsLayout } from './layout';
import { countsOf } from './measure';
import { placeProblems, type PlacedProblem } from './problems';
import { DryRunPanel } from './DryRunPanel';
import { JourneyReportView } from './report/JourneyReportView';
import './journeys.css';

const REPORT_EVERY_MS = 5000;
const CHECK_AFTER_MS = 400;

/** A graph as the server holds it, with every card placed. */
function prepare(value: unknown): JourneyGraph {
  const graph = readGraph(value);
  return needsLayout(graph) ? layoutGraph(graph) : graph;
}

/** The journey's report, asked for again every five seconds while the page is open and the journey has a version. */
function usePolledReport(id: number, version: number | undefined) {
  const [report, setReport] = useState<JourneyReport>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (version === undefined) {
      return;
    }
    const controller = new AbortController();
    const load = () =>
      journeysApi.report(id, controller.signal).then(
        (answer) => {
          setReport(answer);
          setError(undefined);
        },
        (failure) => !controller.signal.aborted && setError(failure),
      );
    void load();
    const timer = window.setInterval(load, REPORT_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [id, version]);
  return { report, error };
}

interface Check {
  key: string;
  problems: PlacedProblem[];
  failure?: unknown;
}

/** Asks the server whether the graph could be saved, once it stopped changing for a moment. */
function useGraphCheck(graph: JourneyGraph, enabled: boolean) {
  const key = useMemo(() => JSON.stringify(withoutPositions(graph)), [graph]);
  const settled = useDebouncedValue(key, CHECK_AFTER_MS);
  const [check, setCheck] = useState<Check>();
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const controller = new AbortController();
    const draft = JSON.parse(settled) as JourneyGraph;
    journeysApi.check(draft, controller.signal).then(
      () => setCheck({ key: settled, problems: [] }),
      (failure) => {
        if (controller.signal.aborted) {
          return;
        }
        const invalid = failure instanceof ApiError && failure.status === 400;
        setCheck({ key: settled, problems: invalid ? placeProblems(failure.problem.errors ?? [], draft) : [], failure: invalid ? undefined : failure });
      },
    );
    return () => controller.abort();
  }, [settled, enabled]);
  return { check, checking: check?.key !== key, setCheck, key };
}

function Versions({ versions }: { versions: JourneyVersion[] }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <ListTable<JourneyVersion>
      rowKey="version"
      rows={versions}
      empty={t('journey.noVersions')}
      data-testid="journey-versions"
      columns={[
        { title: t('journey.version'), dataIndex: 'version', width: 120, render: (version: number) => <Tag color="blue">v{version}</Tag> },
        { title: t('journey.nodes'), key: 'nodes', render: (_, version) => readGraph(version.graph).nodes.length },
        { title: t('journey.publishedBy'), dataIndex: 'publishedBy', width: 160 },
        { title: t('journey.publishedAt'), dataIndex: 'publishedAt', width: 200, render: (at: string) => format.dateTime(at) },
      ]}
    />
  );
}

function StatesStrip({ report }: { report: JourneyReport | undefined }) {
  const { t } = useI18n();
  const format = useFormat();
  const states = report?.states ?? {};
  const total = Object.values(states).reduce((sum, count) => sum + count, 0);
  return (
    <div className="journey-states" data-testid="journey-states" data-total={total}>
      <span className="journey-states-total">{t('journey.states.total', { count: format.number(total) })}</span>
      {Object.entries(states).map(([state, count]) => (
        <span key={state} className={`journey-state journey-state-${state}`} data-testid={`journey-state-${state}`}>
          {t(`journey.state.${state}` as 'journey.state.waiting', {})} <b>{format.number(count)}</b>
        </span>
      ))}
      <span className="muted small">{t('journey.live')}</span>
    </div>
  );
}

interface ConfirmedButtonProps {
  /** Names the button `journey-<name>` and its confirmation `confirm-<name>` for tests. */
  name: string;
  label: string;
  question: string;
  detail?: string;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}

/** A header button whose change is asked about first. */
function ConfirmedButton({ name, label, question, detail, icon, primary, danger, disabled, onConfirm }: ConfirmedButtonProps) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={question}
      description={detail}
      okText={label}
      cancelText={t('action.cancel')}
      onConfirm={onConfirm}
      okButtonProps={{ danger, ...testProps(`confirm-${name}`) }}
      disabled={disabled}
    >
      <Button type={primary ? 'primary' : 'default'} danger={danger} icon={icon} disabled={disabled} data-testid={`journey-${name}`}>
        {label}
      </Button>
    </Popconfirm>
  );
}

function JourneyEditor({ journey, onJourney }: { journey: Journey; onJourney: (journey: Journey) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const catalog = useJourneyCatalog();
  const writable = can('journeys:write') && journey.status !== 'archived';
  const [graph, setGraph] = useState(() => prepare(journey.draft));
  const [savedGraph, setSavedGraph] = useState(() => JSON.stringify(prepare(journey.draft)));
  const [name, setName] = useState(journey.name);
  const [mode, setMode] = useState<'live' | 'draft'>(journey.version ? 'live' : 'draft');
  const [tab, setTab] = useState('canvas');
  const dirty = JSON.stringify(graph) !== savedGraph || name !== journey.name;
  const action = useSubmission();
  const versions = useApi((signal) => (journey.version ? journeysApi.versions(journey.id, signal) : Promise.resolve([])), [journey.id, journey.version]);
  const { report, error: reportError } = usePolledReport(journey.id, journey.version);
  const editing = mode === 'draft' && writable;
  const { check, checking, setCheck, key } = useGraphCheck(graph, editing);

  useEffect(() => {
    if (!dirty) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const live = useMemo(() => {
    const version = versions.data?.find((candidate) => candidate.version === journey.version);
    return version ? prepare(version.graph) : undefined;
  }, [versions.data, journey.version]);
  const counts = useMemo(() => countsOf(report?.nodes ?? [], journey.version), [report, journey.version]);
  const entered = Object.values(report?.states ?? {}).reduce((sum, count) => sum + count, 0);

  const saveCall = async () => {
    try {
      const saved = await journeysApi.save(journey.id, { name: name.trim(), description: journey.description, draft: graph });
      setSavedGraph(JSON.stringify(graph));
      return saved;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400) {
        setCheck({ key, problems: placeProblems(failure.problem.errors ?? [], graph) });
      }
      throw failure;
    }
  };
  const save = () => action.submit(saveCall, { success: t('journey.saved'), onSuccess: onJourney });
  const publish = () =>
    action.submit(
      async () => {
        if (dirty) {
          await saveCall();
        }
        return journeysApi.publish(journey.id);
      },
      {
        success: (published) => t('journey.published', { version: published.version ?? 1 }),
        onSuccess: (published) => {
          onJourney(published);
          setMode('live');
        },
      },
    );
  const change = (call: () => Promise<Journey>, success: string) => action.submit(call, { success, onSuccess: onJourney });

  const shown = mode === 'live' && live ? live : graph;
  const problems = check?.problems ?? [];
  const title = (
    <span className="title-with-tags">
      {editing ? (
        <Typography.Text editable={{ onChange: (value) => value.trim() && setName(value), triggerType: ['icon', 'text'] }} data-testid="journey-title">
          {name}
        </Typography.Text>
      ) : (
        <span data-testid="journey-title">{name}</span>
      )}
      <JourneyStatusTag status={journey.status} />
      {journey.version ? <Tag color="blue">v{journey.version}</Tag> : null}
      {dirty && editing && <Tag color="gold" data-testid="journey-unsaved">{t('journey.unsaved')}</Tag>}
    </span>
  );

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={name}
        breadcrumb={[{ title: t('nav.journeys'), path: '/journeys' }, { title: name }]}
        subtitle={journey.description}
        extra={
          writable && (
            <>
              {editing && (
                <>
                  <Button icon={<SaveOutlined />} onClick={save} disabled={!dirty} loading={action.submitting} data-testid="journey-save">
                    {t('action.save')}
                  </Button>
                  <ConfirmedButton
                    name="publish"
                    label={t('journey.publish')}
                    question={t('journey.publishConfirm', { version: (journey.version ?? 0) + 1 })}
                    detail={t('journey.publishConfirmHint')}
                    icon={<RocketOutlined />}
                    primary
                    disabled={checking || problems.length > 0}
                    onConfirm={publish}
                  />
                </>
              )}
              {journey.status === 'published' && (
                <ConfirmedButton
                  name="pause"
                  label={t('journey.pause')}
                  question={t('journey.pauseConfirm')}
                  icon={<PauseOutlined />}
                  onConfirm={() => change(() => journeysApi.pause(journey.id), t('journey.pausedMessage'))}
                />
              )}
              {journey.status === 'paused' && (
                <ConfirmedButton
                  name="resume"
                  label={t('journey.resume')}
                  question={t('journey.resumeConfirm')}
                  icon={<CaretRightOutlined />}
                  onConfirm={() => change(() => journeysApi.resume(journey.id), t('journey.resumedMessage'))}
                />
              )}
              <ConfirmedButton
                name="archive"
                label={t('journey.archive')}
                question={t('journey.archiveConfirm')}
                detail={t('journey.archiveConfirmHint')}
                icon={<InboxOutlined />}
                danger
                onConfirm={() => change(() => journeysApi.archive(journey.id), t('journey.archivedMessage'))}
              />
            </>
          )
        }
      />
      {action.failure ? <ProblemAlert error={action.failure} className="page-alert" /> : null}
      {check?.failure ? <ProblemAlert error={check.failure} className="page-alert" /> : null}
      <Card variant="borderless" className="profile-tabs-card journey-tabs">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'canvas',
              label: <span data-testid="journey-tab-canvas">{t('journey.canvas')}</span>,
              children: (
                <>
                  {mode === 'live' && journey.version ? (
                    <Alert
                      className="journey-banner"
                      type={journey.status === 'published' ? 'success' : 'warning'}
                      showIcon
                      data-testid="journey-live-banner"
                      title={t(`journey.banner.${journey.status === 'published' ? 'live' : journey.status === 'paused' ? 'paused' : 'archived'}`, { version: journey.version })}
                      action={
                        writable && (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setMode('draft')} data-testid="journey-edit-draft">
                            {t('journey.editDraft')}
                          </Button>
                        )
                      }
                    />
                  ) : journey.version ? (
                    <Alert
                      className="journey-banner"
                      type="info"
                      showIcon
                      title={t('journey.banner.draft', { version: journey.version })}
                      action={
                        <Button size="small" icon={<EyeOutlined />} onClick={() => setMode('live')} data-testid="journey-show-live">
                          {t('journey.showLive')}
                        </Button>
                      }
                    />
                  ) : null}
                  {reportError && mode === 'live' ? <ProblemAlert error={reportError} className="page-alert" /> : null}
                  {mode === 'live' && journey.version && !live ? (
                    versions.error ? <ProblemAlert error={versions.error} onRetry={versions.reload} /> : null
                  ) : (
                    <JourneyCanvas
                      key={mode}
                      graph={shown}
                      onChange={editing ? setGraph : undefined}
                      catalog={catalog}
                      problems={editing ? problems : []}
                      checking={checking}
                      counts={mode === 'live' ? counts : undefined}
                      entered={mode === 'live' ? entered : undefined}
                      overlay={mode === 'live' ? <StatesStrip report={report} /> : undefined}
                    />
                  )}
                </>
              ),
            },
            {
              key: 'dry-run',
              label: <span data-testid="journey-tab-dry-run">{t('journey.dryRun')}</span>,
              children: <DryRunPanel journeyId={journey.id} graph={shown} />,
            },
            {
              key: 'report',
              label: <span data-testid="journey-tab-report">{t('journey.report')}</span>,
              children: (
                <JourneyReportView report={report} version={journey.version} published={journey.version !== undefined} error={reportError} />
              ),
            },
            {
              key: 'versions',
              label: <span data-testid="journey-tab-versions">{t('journey.versions')}</span>,
              children: versions.error ? <ProblemAlert error={versions.error} onRetry={versions.reload} /> : <Versions versions={versions.data ?? []} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

function JourneyDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const { data: journey, error, reload, setData } = useApi((signal) => journeysApi.get(id, signal), [id]);
  if (error || !journey) {
    return <RecordPending kind="journey" id={id} breadcrumb={[{ title: t('nav.journeys'), path: '/journeys' }]} error={error} onRetry={reload} />;
  }
  return <JourneyEditor journey={{ ...journey, draft: readGraph(journey.draft) }} onJourney={setData} />;
}

/** One journey: its canvas (the draft to edit, or the live version with its counts), its report and its versions. */
export default function JourneyPage() {
  const { id = '' } = useParams();
  return <JourneyDetail key={id} id={id} />;
}

import { MinusCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Input, InputNumber, Radio, Select, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { JourneyCatalog } from '../catalog';
import { DATE_ATTRIBUTES, type FilterOperator, type JourneyGraph, type PropertyFilter, type ReentryMode, type Trigger } from '../graph';
import type { PlacedProblem } from '../problems';
import { EventInput, Field, SegmentSelect } from './fields';

interface TriggerPanelProps {
  graph: JourneyGraph;
  catalog: JourneyCatalog;
  problems: PlacedProblem[];
  onChange: (graph: JourneyGraph) => void;
}

const OPERATORS: FilterOperator[] = ['equals', 'not_equals', 'at_least', 'at_most'];

/** A filter's value as typed: a number for the comparisons that need one, else the text itself. */
function filterValue(operator: FilterOperator, text: string): string | number {
  const number = Number(text);
  return operator.startsWith('at_') && text.trim() !== '' && Number.isFinite(number) ? number : text;
}

function Filters({ filters, onChange, problem }: { filters: PropertyFilter[]; onChange: (filters: PropertyFilter[]) => void; problem: (field: string) => string | undefined }) {
  const { t } = useI18n();
  const set = (index: number, change: Partial<PropertyFilter>) =>
    onChange(filters.map((filter, i) => (i === index ? { ...filter, ...change } : filter)));
  return (
    <Field label={t('journey.field.where')} hint={t('journey.whereHint')}>
      {filters.map((filter, index) => {
        const issue = ['property', 'operator', 'value'].map((part) => problem(`trigger.where[${index}].${part}`)).find(Boolean);
        return (
          <div key={index} className="jp-filter">
            <Input placeholder={t('journey.property')} value={filter.property} onChange={(event) => set(index, { property: event.target.value })} />
            <Select<FilterOperator>
              value={filter.operator}
              onChange={(operator) => set(index, { operator, value: filterValue(operator, String(filter.value)) })}
              options={OPERATORS.map((operator) => ({ value: operator, label: t(`journey.operator.${operator}`) }))}
              popupMatchSelectWidth={false}
            />
            <Input placeholder={t('journey.value')} value={String(filter.value)} onChange={(event) => set(index, { value: filterValue(filter.operator, event.target.value) })} />
            <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('journey.removeFilter')} onClick={() => onChange(filters.filter((_, i) => i !== index))} />
            {issue && <div className="jp-error">{issue}</div>}
          </div>
        );
      })}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...filters, { property: '', operator: 'equals', value: '' }])}>
        {t('journey.addFilter')}
      </Button>
    </Field>
  );
}

function instant(value: string | null | undefined) {
  return value ? dayjs(value) : null;
}

type ScheduleTrigger = Extract<Trigger, { type: 'schedule' }>;
type DateTrigger = Extract<Trigger, { type: 'date' }>;
type Problem = (field: string) => string | undefined;

/** A broadcast's segment and when it goes out: once at a time, or on a cron expression in a time zone. */
function ScheduleFields({ trigger, catalog, problem, onChange }: { trigger: ScheduleTrigger; catalog: JourneyCatalog; problem: Problem; onChange: (trigger: Trigger) => void }) {
  const { t } = useI18n();
  const recurring = trigger.cron != null;
  return (
    <>
      <Field label={t('journey.field.segment')} problem={problem('trigger.segment')}>
        <SegmentSelect value={trigger.segment} onChange={(segment) => onChange({ ...trigger, segment })} catalog={catalog} testId="trigger-segment" />
      </Field>
      <Field label={t('journey.field.scheduleRepeat')}>
        <Radio.Group
          value={recurring ? 'cron' : 'once'}
          onChange={(event) =>
            onChange(event.target.value === 'cron' ? { type: 'schedule', segment: trigger.segment, cron: '0 0 10 * * MON', zone: null } : { type: 'schedule', segment: trigger.segment, at: null })
          }
          options={[
            { value: 'once', label: t('journey.schedule.once') },
            { value: 'cron', label: t('journey.schedule.cron') },
          ]}
          data-testid="schedule-repeat"
        />
      </Field>
      {recurring ? (
        <>
          <Field label={t('journey.field.cron')} problem={problem('trigger.cron')} hint={t('journey.cronHint')}>
            <Input value={trigger.cron ?? ''} onChange={(event) => onChange({ ...trigger, cron: event.target.value })} data-testid="trigger-cron" />
          </Field>
          <Field label={t('journey.field.zone')} problem={problem('trigger.zone')}>
            <Input value={trigger.zone ?? ''} placeholder={t('journey.zonePlaceholder')} onChange={(event) => onChange({ ...trigger, zone: event.target.value.trim() || null })} />
          </Field>
        </>
      ) : (
        <Field label={t('journey.field.scheduleAt')} problem={problem('trigger.at')}>
          <DatePicker
            className="full-width"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={instant(trigger.at)}
            onChange={(at) => onChange({ ...trigger, at: at ? at.format('YYYY-MM-DDTHH:mm:ssZ') : null })}
            data-testid="trigger-at"
          />
        </Field>
      )}
      <p className="jp-hint">{t('journey.scheduleHint')}</p>
    </>
  );
}

/** A date of the customer's (a date trait's anniversary, or the last order), days from it, and the local time. */
function DateFields({ trigger, problem, onChange }: { trigger: DateTrigger; problem: Problem; onChange: (trigger: Trigger) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('journey.field.dateAttribute')} problem={problem('trigger.attribute')} hint={t('journey.dateAttributeHint')}>
        <AutoComplete
          className="full-width"
          value={trigger.attribute}
          onChange={(attribute: string) => onChange({ ...trigger, attribute })}
          options={DATE_ATTRIBUTES.map((attribute) => ({ value: attribute, label: `${attribute} · ${t(`journey.dateAttribute.${attribute}`)}` }))}
          data-testid="trigger-attribute"
        />
      </Field>
      <Field label={t('journey.field.offsetDays')} problem={problem('trigger.offsetDays')} hint={t('journey.offsetHint')}>
        <InputNumber
          className="full-width"
          min={-366}
          max={366}
          precision={0}
          value={trigger.offsetDays ?? 0}
          suffix={t('journey.unit.days')}
          onChange={(days) => onChange({ ...trigger, offsetDays: days ?? 0 })}
          data-testid="trigger-offset"
        />
      </Field>
      <Field label={t('journey.field.dateAt')} problem={problem('trigger.at')}>
        <TimePicker
          className="full-width"
          format="HH:mm"
          allowClear={false}
          value={dayjs(trigger.at ?? '09:00', 'HH:mm')}
          onChange={(at) => onChange({ ...trigger, at: at ? at.format('HH:mm') : '09:00' })}
        />
      </Field>
    </>
  );
}

/** What starts the journey, who may enter again, when, how many a day, the control group and the goal. */
export function TriggerPanel({ graph, catalog, problems, onChange }: TriggerPanelProps) {
  const { t } = useI18n();
  const problem = (field: string) => {
    const found = problems.filter((p) => p.field === field || (field !== 'trigger' && p.field.startsWith(`${field}.`)));
    return found.length > 0 ? found.map((p) => p.detail).join('; ') : undefined;
  };
  const trigger = graph.trigger;
  const setTrigger = (next: Trigger) => onChange({ ...graph, trigger: next });
  const changeType = (type: Trigger['type']) =>
    setTrigger(
      type === 'event'
        ? { type, event: '', where: [] }
        : type === 'segment_entered' || type === 'segment_left'
          ? { type, segment: null }
          : type === 'stage_changed'
            ? { type, model: catalog.models[0]?.name ?? '', to: null }
            : type === 'schedule'
              ? { type, segment: null, at: null }
              : type === 'date'
                ? { type, attribute: 'birthday', offsetDays: 0, at: '09:00' }
                : { type },
    );
  const stages = trigger.type === 'stage_changed' ? (catalog.models.find((model) => model.name === trigger.model)?.stages ?? []) : [];
  const reentry = graph.reentry ?? { mode: 'once' as ReentryMode };
  return (
    <div className="jp-panel" data-testid="trigger-panel">
      <div className="jp-title jc-trigger">
        <span className="jc-icon">
          <ThunderboltOutlined />
        </span>
        <div>
          <div className="jp-title-text">{t('journey.trigger')}</div>
          <div className="jp-title-id">{t('journey.triggerSubtitle')}</div>
        </div>
      </div>
      {problem('first') && (
        <div className="jp-error" data-testid="first-problem">
          {t('journey.outlet.start')}: {problem('first')}
        </div>
      )}
      <Field label={t('journey.field.triggerType')} problem={problem('trigger.type')}>
        <Select<Trigger['type']>
          className="full-width"
          value={trigger.type}
          onChange={changeType}
          options={[
            { value: 'event', label: t('journey.triggerType.event') },
            { value: 'segment_entered', label: t('journey.triggerType.segment_entered') },
            { value: 'segment_left', label: t('journey.triggerType.segment_left') },
            { value: 'stage_changed', label: t('journey.triggerType.stage_changed') },
            { value: 'api', label: t('journey.triggerType.api') },
            { value: 'schedule', label: t('journey.triggerType.schedule') },
            { value: 'date', label: t('journey.triggerType.date') },
          ]}
          data-testid="trigger-type"
        />
      </Field>
      {trigger.type === 'event' && (
        <>
          <Field label={t('journey.field.event')} problem={problem('trigger.event')}>
            <EventInput value={trigger.event} onChange={(event) => setTrigger({ ...trigger, event })} catalog={catalog} testId="trigger-event" />
          </Field>
          <Filters filters={trigger.where ?? []} onChange={(where) => setTrigger({ ...trigger, where })} problem={problem} />
        </>
      )}
      {trigger.type === 'stage_changed' && (
        <>
          <Field label={t('journey.field.model')} problem={problem('trigger.model')}>
            <Select<string>
              className="full-width"
              value={trigger.model || undefined}
              onChange={(model) => setTrigger({ ...trigger, model, to: null })}
              placeholder={t('journey.modelPlaceholder')}
              options={catalog.models.map((model) => ({ value: model.name, label: model.label }))}
              data-testid="trigger-model"
            />
          </Field>
          <Field label={t('journey.field.stage')} problem={problem('trigger.to')}>
            <Select<string>
              className="full-width"
              value={trigger.to ?? ''}
              onChange={(to) => setTrigger({ ...trigger, to: to || null })}
              options={[
                { value: '', label: t('journey.anyStage') },
                ...stages.map((stage) => ({ value: stage.value, label: stage.label })),
              ]}
              data-testid="trigger-stage"
            />
          </Field>
        </>
      )}
      {(trigger.type === 'segment_entered' || trigger.type === 'segment_left') && (
        <Field label={t('journey.field.segment')} problem={problem('trigger.segment')}>
          <SegmentSelect value={trigger.segment} onChange={(segment) => setTrigger({ ...trigger, segment })} catalog={catalog} testId="trigger-segment" />
        </Field>
      )}
      {trigger.type === 'api' && <p className="jp-hint">{t('journey.apiHint')}</p>}
      {trigger.type === 'schedule' && <ScheduleFields trigger={trigger} catalog={catalog} problem={problem} onChange={setTrigger} />}
      {trigger.type === 'date' && <DateFields trigger={trigger} problem={problem} onChange={setTrigger} />}

      <div className="jp-section">
        <div className="jp-section-title">{t('journey.entry')}</div>
        <Field label={t('journey.field.reentry')} problem={problem('reentry')}>
          <div className="jp-inline">
            <Select<ReentryMode>
              value={reentry.mode}
              onChange={(mode) => onChange({ ...graph, reentry: mode === 'once_per_days' ? { mode, days: reentry.days ?? 30 } : { mode } })}
              options={[
                { value: 'once', label: t('journey.reentry.once') },
                { value: 'once_per_days', label: t('journey.reentry.oncePerDays') },
                { value: 'always', label: t('journey.reentry.always') },
              ]}
              style={{ flex: 1 }}
            />
            {reentry.mode === 'once_per_days' && (
              <InputNumber
                min={1}
                max={3650}
                precision={0}
                value={reentry.days}
                suffix={t('journey.unit.days')}
                onChange={(days) => onChange({ ...graph, reentry: { mode: 'once_per_days', days: days ?? 1 } })}
                style={{ width: 110 }}
              />
            )}
          </div>
        </Field>
        <Field label={t('journey.field.capPerDay')} problem={problem('capPerDay')} hint={t('journey.capHint')}>
          <InputNumber
            className="full-width"
            min={1}
            precision={0}
            value={graph.capPerDay ?? null}
            placeholder={t('journey.noCap')}
            onChange={(cap) => onChange({ ...graph, capPerDay: cap ?? null })}
          />
        </Field>
        <Field label={t('journey.field.dates')} problem={problem('start') ?? problem('end')}>
          <DatePicker.RangePicker
            className="full-width"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            value={[instant(graph.start), instant(graph.end)]}
            onChange={(range) => onChange({ ...graph, start: range?.[0]?.toISOString() ?? null, end: range?.[1]?.toISOString() ?? null })}
          />
        </Field>
      </div>

      <div className="jp-section">
        <div className="jp-section-title">{t('journey.measurement')}</div>
        <Field label={t('journey.field.controlPercent')} problem={problem('controlPercent')} hint={t('journey.controlHint')}>
          <InputNumber
            className="full-width"
            min={0}
            max={50}
            precision={0}
            suffix="%"
            value={graph.controlPercent ?? 0}
            onChange={(percent) => onChange({ ...graph, controlPercent: percent || null })}
            data-testid="control-percent"
          />
        </Field>
        <Field label={t('journey.field.goal')} problem={problem('goal')}>
          <Switch
            checked={!!graph.goal}
            onChange={(on) => onChange({ ...graph, goal: on ? { event: 'Order Completed', withinDays: 7 } : null })}
            data-testid="goal-switch"
          />
          {graph.goal && (
            <div className="jp-goal">
              <EventInput value={graph.goal.event} onChange={(event) => onChange({ ...graph, goal: { ...graph.goal!, event } })} catalog={catalog} />
              <InputNumber
                min={1}
                max={365}
                precision={0}
                value={graph.goal.withinDays}
                prefix={t('journey.within')}
                suffix={t('journey.unit.days')}
                onChange={(days) => onChange({ ...graph, goal: { ...graph.goal!, withinDays: days ?? 1 } })}
                className="full-width"
              />
            </div>
          )}
        </Field>
      </div>
    </div>
  );
}

import { AutoComplete, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { segmentTitle } from '../../audience/catalog';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { JourneyCatalog } from '../catalog';
import { fromIso, toIso, type DurationUnit } from '../duration';

/** A labelled setting of the side panel, with the problem the server found in it. */
export function Field({ label, problem, children, hint }: { label: string; problem?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`jp-field${problem ? ' jp-field-invalid' : ''}`}>
      <div className="jp-label">{label}</div>
      {children}
      {hint && !problem && <div className="jp-hint">{hint}</div>}
      {problem && (
        <div className="jp-error" data-testid="field-problem">
          {problem}
        </div>
      )}
    </div>
  );
}

/** A number and a unit, kept as the ISO-8601 duration the server reads (PT30M, PT4H, P2D). */
export function DurationInput({ value, onChange, testId }: { value: string; onChange: (iso: string) => void; testId?: string }) {
  const { t } = useI18n();
  const span = fromIso(value) ?? { amount: 1, unit: 'days' as DurationUnit };
  return (
    <Space.Compact className="full-width" data-testid={testId}>
      <InputNumber
        min={1}
        precision={0}
        value={span.amount}
        onChange={(amount) => onChange(toIso({ ...span, amount: typeof amount === 'number' && amount > 0 ? amount : 1 }))}
        style={{ width: '50%' }}
        data-testid={testId && `${testId}-amount`}
      />
      <Select<DurationUnit>
        value={span.unit}
        onChange={(unit) => onChange(toIso({ ...span, unit }))}
        style={{ width: '50%' }}
        options={[
          { value: 'minutes', label: t('journey.unit.minutes') },
          { value: 'hours', label: t('journey.unit.hours') },
          { value: 'days', label: t('journey.unit.days') },
        ]}
      />
    </Space.Compact>
  );
}

/** An event's name, typed or picked from the events the brand has seen. */
export function EventInput({ value, onChange, catalog, testId }: { value: string; onChange: (event: string) => void; catalog: JourneyCatalog; testId?: string }) {
  const { t } = useI18n();
  const typed = value.trim().toLowerCase();
  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      className="full-width"
      placeholder={t('journey.eventPlaceholder')}
      options={catalog.events.filter((event) => event.toLowerCase().includes(typed)).slice(0, 50).map((event) => ({ value: event }))}
      data-testid={testId}
    />
  );
}

/** A segment, picked by its name. */
export function SegmentSelect({ value, onChange, catalog, testId }: { value: number | null; onChange: (id: number) => void; catalog: JourneyCatalog; testId?: string }) {
  const { t } = useI18n();
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      className="full-width"
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('journey.segmentPlaceholder')}
      options={catalog.segments.map((segment) => ({ value: segment.id, label: segmentTitle(t, segment) }))}
      data-testid={testId}
    />
  );
}

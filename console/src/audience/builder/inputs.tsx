import { AutoComplete, DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../shared/i18n/I18nProvider';
import {
  THRESHOLD_OPERATORS,
  today,
  valueShape,
  withOperator,
  withThresholdOperator,
  type Comparison,
  type Operator,
  type Scalar,
  type Threshold,
  type ThresholdOperator,
  type Window,
} from '../condition/model';
import { operatorLabel, thresholdLabel } from '../labels';
import { useFieldStatus } from './context';

const DAY = 'YYYY-MM-DD';

type Status = 'error' | undefined;

/** Free text with suggestions: names the server knows may be more than the console can list. */
export function SuggestInput({
  value,
  onChange,
  suggestions,
  placeholder,
  status,
  className = 'builder-input-m',
  testId,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  suggestions: readonly string[];
  placeholder?: string;
  status?: Status;
  className?: string;
  testId?: string;
}) {
  const typed = (value ?? '').toLowerCase();
  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      status={status}
      className={className}
      placeholder={placeholder}
      data-testid={testId}
      options={suggestions.filter((entry) => entry.toLowerCase().includes(typed)).map((entry) => ({ value: entry }))}
    />
  );
}

export function DayInput({ value, onChange, status }: { value?: string; onChange: (day: string) => void; status?: Status }) {
  return (
    <DatePicker
      value={value ? dayjs(value, DAY) : undefined}
      onChange={(day) => onChange(day ? day.format(DAY) : today())}
      status={status}
      allowClear={false}
    />
  );
}

export function DayRangeInput({
  from,
  to,
  onChange,
  status,
}: {
  from?: string;
  to?: string;
  onChange: (from: string, to: string) => void;
  status?: Status;
}) {
  return (
    <DatePicker.RangePicker
      value={[from ? dayjs(from, DAY) : null, to ? dayjs(to, DAY) : null]}
      onChange={(days) => days?.[0] && days[1] && onChange(days[0].format(DAY), days[1].format(DAY))}
      status={status}
      allowClear={false}
    />
  );
}

function NumberInput({
  value,
  onChange,
  status,
  min,
  suffix,
  testId,
}: {
  value?: number | string;
  onChange: (value: number) => void;
  status?: Status;
  min?: number;
  suffix?: string;
  testId?: string;
}) {
  return (
    <InputNumber
      value={typeof value === 'number' ? value : undefined}
      onChange={(number) => onChange(typeof number === 'number' ? number : 0)}
      status={status}
      min={min}
      suffix={suffix}
      className="builder-input-s"
      data-testid={testId}
    />
  );
}

/** An operator and the value inputs it needs, for traits and facts. */
export function ComparisonFields<T extends Comparison>({
  node,
  operators,
  numeric,
  onChange,
  textOptions,
}: {
  node: T;
  operators: readonly Operator[];
  numeric: boolean;
  onChange: (node: T) => void;
  textOptions?: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const shape = valueShape(node.operator, numeric);
  const set = (change: Partial<Comparison>) => onChange({ ...node, ...change });
  return (
    <>
      <Select<Operator>
        value={node.operator}
        onChange={(operator) => onChange(withOperator(node, operator, numeric))}
        status={status('operator')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        data-testid="rule-operator"
        options={operators.map((operator) => ({ value: operator, label: operatorLabel(t, operator) }))}
      />
      {shape === 'text' &&
        (textOptions ? (
          <Select
            value={node.value === undefined ? undefined : String(node.value)}
            onChange={(value: string) => set({ value })}
            status={status('value')}
            className="builder-input-m"
            showSearch
            options={textOptions}
          />
        ) : (
          <Input
            value={node.value === undefined ? '' : String(node.value)}
            onChange={(event) => set({ value: event.target.value })}
            status={status('value')}
            className="builder-input-m"
            placeholder={t('builder.value')}
            data-testid="rule-value"
          />
        ))}
      {shape === 'number' && <NumberInput value={node.value as number} onChange={(value) => set({ value })} status={status('value')} testId="rule-value" />}
      {shape === 'list' && (
        <Select<Scalar[]>
          mode="tags"
          value={node.values ?? []}
          onChange={(values) => set({ values })}
          status={status('values')}
          className="builder-input-l"
          placeholder={t('builder.values')}
          options={textOptions}
          tokenSeparators={[',', '，']}
        />
      )}
      {shape === 'range' && (
        <>
          <NumberInput value={node.from} onChange={(from) => set({ from })} status={status('from')} />
          <span className="builder-word">{t('builder.and')}</span>
          <NumberInput value={node.to} onChange={(to) => set({ to })} status={status('to')} />
        </>
      )}
      {shape === 'date' && <DayInput value={node.date} onChange={(date) => set({ date })} status={status('date')} />}
      {shape === 'dates' && (
        <DayRangeInput
          from={node.from as string}
          to={node.to as string}
          onChange={(from, to) => set({ from, to })}
          status={status('from') ?? status('to')}
        />
      )}
      {shape === 'days' && (
        <NumberInput value={node.days} onChange={(days) => set({ days })} status={status('days')} min={1} suffix={t('builder.days')} />
      )}
    </>
  );
}

/** "at least 2", "between 100 and 500": how many times, or how much. */
export function ThresholdFields<T extends Threshold>({
  value,
  onChange,
  field,
  unit,
}: {
  value: T;
  onChange: (value: T) => void;
  field: string;
  unit?: string;
}) {
  const { t } = useI18n();
  const status = useFieldStatus();
  return (
    <>
      <Select<ThresholdOperator>
        value={value.operator}
        onChange={(operator) => onChange(withThresholdOperator(value, operator))}
        status={status(`${field}.operator`)}
        className="builder-input-s"
        popupMatchSelectWidth={false}
        data-testid={`${field}-operator`}
        options={THRESHOLD_OPERATORS.map((operator) => ({ value: operator, label: thresholdLabel(t, operator) }))}
      />
      {value.operator === 'between' ? (
        <>
          <NumberInput value={value.from} onChange={(from) => onChange({ ...value, from })} status={status(`${field}.from`)} />
          <span className="builder-word">{t('builder.and')}</span>
          <NumberInput value={value.to} onChange={(to) => onChange({ ...value, to })} status={status(`${field}.to`)} suffix={unit} />
        </>
      ) : (
        <NumberInput
          value={value.value}
          onChange={(number) => onChange({ ...value, value: number })}
          status={status(`${field}.value`)}
          suffix={unit}
          testId={`${field}-value`}
        />
      )}
    </>
  );
}

type WindowKind = 'ever' | 'lastDays' | 'range';

function windowKind(window: Window | undefined): WindowKind {
  if (!window || window === 'ever') {
    return 'ever';
  }
  return 'lastDays' in window ? 'lastDays' : 'range';
}

/** When the behaviour counts: ever, in the last N days, or between two dates. */
export function WindowFields({ value, onChange }: { value: Window | undefined; onChange: (window: Window) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const kind = windowKind(value);
  const choose = (next: WindowKind) =>
    onChange(next === 'ever' ? 'ever' : next === 'lastDays' ? { lastDays: 30 } : { from: today(-30), to: today() });
  return (
    <>
      <Select<WindowKind>
        value={kind}
        onChange={choose}
        status={status('window')}
        className="builder-input-s"
        popupMatchSelectWidth={false}
        data-testid="rule-window"
        options={(['lastDays', 'range', 'ever'] as const).map((option) => ({ value: option, label: t(`builder.window.${option}`) }))}
      />
      {value && value !== 'ever' && 'lastDays' in value && (
        <NumberInput
          value={value.lastDays}
          onChange={(lastDays) => onChange({ lastDays })}
          status={status('window')}
          min={1}
          suffix={t('builder.days')}
          testId="rule-window-days"
        />
      )}
      {value && value !== 'ever' && 'from' in value && (
        <DayRangeInput from={value.from} to={value.to} onChange={(from, to) => onChange({ from, to })} status={status('window')} />
      )}
    </>
  );
}

import { Checkbox, Input, Select, Slider } from 'antd';
import { useContext } from 'react';
import type { MessageKey } from '../../../shared/i18n/en';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { segmentTitle, useCatalog } from '../../catalog';
import {
  RFM_GROUPS,
  type LifecycleCondition,
  type RfmCondition,
  type ScoreRange,
  type SegmentCondition,
  type TagCondition,
} from '../../condition/model';
import { modelLabel, RFM_COLOURS, rfmGroupLabel, stageLabel, tagKindLabel } from '../../labels';
import { BuilderContext, useFieldStatus } from '../context';

const SEARCH_LABEL = { optionFilterProp: 'label' } as const;

type TagOperator = NonNullable<TagCondition['operator']> | 'any';

/** Holds a tag; for a value tag, optionally with a value. */
export function TagRule({ node, onChange }: { node: TagCondition; onChange: (node: TagCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { tags } = useCatalog();
  const chosen = tags.find((tag) => tag.name === node.tag);
  const values = (chosen?.values ?? []).map((entry) => ({ value: entry.value, label: entry.value }));
  const operator: TagOperator = node.operator ?? 'any';
  const setOperator = (next: TagOperator) =>
    onChange(
      next === 'any'
        ? { type: 'tag', tag: node.tag }
        : next === 'in'
          ? { type: 'tag', tag: node.tag, operator: next, values: node.value ? [node.value] : [] }
          : { type: 'tag', tag: node.tag, operator: next, value: node.value ?? node.values?.[0] ?? '' },
    );
  return (
    <>
      <Select
        showSearch={SEARCH_LABEL}
        value={node.tag || undefined}
        onChange={(tag: string) => onChange({ type: 'tag', tag })}
        status={status('tag')}
        placeholder={t('builder.tag')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        data-testid="rule-tag"
        options={tags.map((tag) => ({ value: tag.name, label: `${tag.name} · ${tagKindLabel(t, tag.kind)}` }))}
      />
      {(chosen?.kind === 'VALUE' || node.operator) && (
        <Select<TagOperator>
          value={operator}
          onChange={setOperator}
          status={status('operator')}
          className="builder-input-s"
          popupMatchSelectWidth={false}
          options={(['any', 'equals', 'in', 'contains'] as const).map((value) => ({ value, label: t(`builder.tagValue.${value}`) }))}
        />
      )}
      {(operator === 'equals' || operator === 'contains') && (
        <Input
          value={node.value ?? ''}
          onChange={(event) => onChange({ ...node, value: event.target.value })}
          status={status('value')}
          placeholder={t('builder.value')}
          className="builder-input-s"
        />
      )}
      {operator === 'in' && (
        <Select<string[]>
          mode="tags"
          value={node.values ?? []}
          onChange={(next) => onChange({ ...node, values: next })}
          status={status('values')}
          className="builder-input-l"
          options={values}
        />
      )}
    </>
  );
}

/** Is a member of another segment. */
export function SegmentRule({ node, onChange }: { node: SegmentCondition; onChange: (node: SegmentCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { segments } = useCatalog();
  const { segmentId } = useContext(BuilderContext);
  return (
    <Select<number>
      showSearch={SEARCH_LABEL}
      value={node.segment}
      onChange={(segment) => onChange({ type: 'segment', segment })}
      status={status('segment')}
      placeholder={t('builder.segment')}
      className="builder-input-l"
      popupMatchSelectWidth={false}
      data-testid="rule-segment"
      options={segments
        .filter((segment) => segment.id !== segmentId)
        .map((segment) => ({ value: segment.id, label: segmentTitle(t, segment) }))}
    />
  );
}

/** Is in a stage of a lifecycle model. */
export function LifecycleRule({ node, onChange }: { node: LifecycleCondition; onChange: (node: LifecycleCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const { models } = useCatalog();
  const model = models.find((entry) => entry.name === node.model);
  return (
    <>
      <Select
        value={node.model}
        onChange={(name: string) => onChange({ type: 'lifecycle', model: name, stage: '' })}
        status={status('model')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        data-testid="rule-model"
        options={models.map((entry) => ({ value: entry.name, label: modelLabel(t, entry.name, entry.label) }))}
      />
      <Select
        value={node.stage || undefined}
        onChange={(stage: string) => onChange({ ...node, stage })}
        status={status('stage')}
        placeholder={t('builder.stage')}
        className="builder-input-m"
        popupMatchSelectWidth={false}
        data-testid="rule-stage"
        options={(model?.stages ?? []).map((stage) => ({ value: stage.value, label: stageLabel(t, node.model, stage.value, stage.label) }))}
      />
    </>
  );
}

const SCORES = ['recency', 'frequency', 'monetary'] as const;

/** Is in an RFM group, or has R, F and M scores within ranges. */
export function RfmRule({ node, onChange }: { node: RfmCondition; onChange: (node: RfmCondition) => void }) {
  const { t } = useI18n();
  const status = useFieldStatus();
  const byGroup = node.group !== undefined;
  const setRange = (score: (typeof SCORES)[number], range: ScoreRange | undefined) => {
    const next: RfmCondition = { ...node };
    if (range) {
      next[score] = range;
    } else {
      delete next[score];
    }
    onChange(next);
  };
  return (
    <>
      <Select<'group' | 'scores'>
        value={byGroup ? 'group' : 'scores'}
        onChange={(mode) => onChange(mode === 'group' ? { type: 'rfm', group: 'champions' } : { type: 'rfm', recency: [4, 5] })}
        className="builder-input-s"
        popupMatchSelectWidth={false}
        options={(['group', 'scores'] as const).map((value) => ({ value, label: t(`builder.rfm.${value}`) }))}
      />
      {byGroup ? (
        <Select
          value={node.group}
          onChange={(group: string) => onChange({ type: 'rfm', group })}
          status={status('group')}
          className="builder-input-m"
          popupMatchSelectWidth={false}
          data-testid="rule-rfm-group"
          options={RFM_GROUPS.map((group) => ({
            value: group,
            label: (
              <span className="rfm-option">
                <span className="rfm-swatch" style={{ background: RFM_COLOURS[group] }} />
                {rfmGroupLabel(t, group)}
              </span>
            ),
          }))}
        />
      ) : (
        SCORES.map((score) => (
          <span key={score} className="builder-score">
            <Checkbox checked={Boolean(node[score])} onChange={(event) => setRange(score, event.target.checked ? [1, 5] : undefined)}>
              {t(`builder.rfm.${score}` as MessageKey)}
            </Checkbox>
            {node[score] && (
              <Slider
                range
                min={1}
                max={5}
                value={node[score]}
                onChange={(range: number[]) => setRange(score, [range[0], range[1]])}
                className="builder-slider"
              />
            )}
          </span>
        ))
      )}
    </>
  );
}

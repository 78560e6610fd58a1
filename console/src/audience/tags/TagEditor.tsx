import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Drawer, Form, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import type { FieldError } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { audienceApi, type Tag, type TagCategory, type TagKind, type ValueRule } from '../api';
import { ConditionBuilder } from '../builder/ConditionBuilder';
import { LiveCount } from '../builder/LiveCount';
import { definitionErrors, useLiveAudience } from '../builder/useLiveAudience';
import { definitionOf, newRule, starterCondition, type Condition, type Definition } from '../condition/model';
import { tagKindLabel } from '../labels';

const RULE_ROOT = 'definition.condition';

interface ValueDraft {
  key: number;
  value: string;
  condition: Condition | null;
}

let nextKey = 1;

function isValueRules(rule: Tag['rule']): rule is ValueRule[] {
  return Array.isArray(rule);
}

function RuleTagFields({ condition, onChange, errors }: { condition: Condition; onChange: (condition: Condition) => void; errors: FieldError[] }) {
  const { t } = useI18n();
  const definition = useMemo(() => definitionOf(condition), [condition]);
  const live = useLiveAudience(definition, false);
  const shown = errors.length > 0 ? errors : definitionErrors(live.count.error, RULE_ROOT);
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <LiveCount count={live.count} settled={live.settled} />
      </div>
      <div className="muted small" style={{ marginBottom: 8 }}>
        {t('tag.ruleHint')}
      </div>
      <ConditionBuilder value={condition} onChange={onChange} rootPath={RULE_ROOT} errors={shown} />
    </>
  );
}

/** Creates or changes a tag: manual, kept by a rule, or holding a value (typed in, or chosen by ordered rules). */
export function TagEditor({
  tag,
  categories,
  defaultCategory,
  onClose,
  onSaved,
}: {
  tag?: Tag;
  categories: TagCategory[];
  defaultCategory?: number;
  onClose: () => void;
  onSaved: (tag: Tag) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(tag?.name ?? '');
  const [description, setDescription] = useState(tag?.description ?? '');
  const [categoryId, setCategoryId] = useState<number | null>(tag?.categoryId ?? defaultCategory ?? null);
  const [kind, setKind] = useState<TagKind>(tag?.kind ?? 'MANUAL');
  const [condition, setCondition] = useState<Condition>(
    tag?.kind === 'RULE' && tag.rule && !isValueRules(tag.rule) ? (tag.rule as Definition).condition : starterCondition(),
  );
  const [byRules, setByRules] = useState(tag?.kind === 'VALUE' && isValueRules(tag.rule));
  const [values, setValues] = useState<ValueDraft[]>(
    tag && isValueRules(tag.rule)
      ? tag.rule.map((rule) => ({ key: nextKey++, value: rule.value, condition: rule.condition ?? null }))
      : [
          { key: nextKey++, value: '', condition: { type: 'all', conditions: [newRule('fact')] } },
          { key: nextKey++, value: '', condition: null },
        ],
  );
  const submission = useSubmission();
  const { fieldErrors: errors, fieldError } = submission;

  const rule = (): Tag['rule'] => {
    if (kind === 'RULE') {
      return definitionOf(condition);
    }
    if (kind === 'VALUE' && byRules) {
      return values.map((entry) => (entry.condition ? { value: entry.value.trim(), condition: entry.condition } : { value: entry.value.trim() }));
    }
    return null;
  };

  const save = () => {
    // no category is sent as no categoryId: the server reads an absent and a null one alike
    const change = { name: name.trim(), categoryId: categoryId ?? undefined, description: description.trim() || undefined, rule: rule() };
    return submission.submit(() => (tag ? audienceApi.updateTag(tag.id, change) : audienceApi.createTag({ ...change, kind })), {
      success: t(tag ? 'tag.saved' : 'tag.created'),
      onSuccess: onSaved,
    });
  };

  const updateValue = (index: number, change: Partial<ValueDraft>) =>
    setValues((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));

  return (
    <Drawer
      open
      size={kind === 'MANUAL' || (kind === 'VALUE' && !byRules) ? 560 : 920}
      title={tag ? t('tag.editTitle', { name: tag.name }) : t('tag.newTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" onClick={save} loading={submission.submitting} disabled={!name.trim()} data-testid="tag-save">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {submission.failure && errors.length === 0 ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      {errors.some((entry) => !['name', 'categoryId', 'kind'].includes(entry.field)) && (
        <Alert className="form-alert" type="error" showIcon title={t('segment.fixRules')} />
      )}
      <Form layout="vertical" requiredMark={false}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('tag.name')} required validateStatus={fieldError('name') ? 'error' : undefined} help={fieldError('name') ?? t('tag.nameHint')}>
              <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={60} data-testid="tag-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('tag.category')} validateStatus={fieldError('categoryId') ? 'error' : undefined} help={fieldError('categoryId')}>
              <Select<number | null>
                value={categoryId}
                onChange={setCategoryId}
                allowClear
                onClear={() => setCategoryId(null)}
                placeholder={t('tag.noCategory')}
                options={categories.map((category) => ({ value: category.id, label: category.name }))}
                data-testid="tag-category"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('tag.kind')} extra={tag ? t('tag.kindFixed') : t(`tag.kindHint.${kind}`)}>
          <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as TagKind)} disabled={Boolean(tag)} optionType="button" data-testid="tag-kind">
            {(['MANUAL', 'RULE', 'VALUE'] as const).map((option) => (
              <Radio.Button key={option} value={option}>
                <span data-testid={`tag-kind-${option}`}>{tagKindLabel(t, option)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('segment.description')}>
          <Input.TextArea value={description} onChange={(event) => setDescription(event.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
      {kind === 'RULE' && <RuleTagFields condition={condition} onChange={setCondition} errors={errors} />}
      {kind === 'VALUE' && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Switch checked={byRules} onChange={setByRules} data-testid="tag-value-rules" />
            <span>{t('tag.valueByRules')}</span>
          </Space>
          {!byRules ? (
            <Alert type="info" showIcon title={t('tag.valueManualHint')} />
          ) : (
            <>
              <div className="muted small" style={{ marginBottom: 8 }}>
                {t('tag.valueRulesHint')}
              </div>
              {fieldError('rule') && <div className="builder-errors">{fieldError('rule')}</div>}
              {values.map((entry, index) => {
                const last = index === values.length - 1;
                return (
                  <div className="value-rule" key={entry.key} data-testid="value-rule">
                    <div className="value-rule-head">
                      <span className="muted">{t('tag.valueIs')}</span>
                      <Input
                        value={entry.value}
                        onChange={(event) => updateValue(index, { value: event.target.value })}
                        style={{ width: 200 }}
                        placeholder={t('builder.value')}
                        status={fieldError(`rule[${index}].value`) ? 'error' : undefined}
                      />
                      {last && (
                        <Checkbox checked={entry.condition === null} onChange={(event) => updateValue(index, { condition: event.target.checked ? null : starterCondition() })}>
                          {t('tag.everyoneElse')}
                        </Checkbox>
                      )}
                      <span className="builder-actions">
                        <Button
                          type="text"
                          size="small"
                          icon={<DeleteOutlined />}
                          disabled={values.length <= 1}
                          aria-label={t('builder.remove')}
                          onClick={() => setValues((current) => current.filter((_, at) => at !== index))}
                        />
                      </span>
                    </div>
                    {fieldError(`rule[${index}].value`) && <div className="builder-errors">{fieldError(`rule[${index}].value`)}</div>}
                    {entry.condition && (
                      <ConditionBuilder
                        value={entry.condition}
                        onChange={(next) => updateValue(index, { condition: next })}
                        rootPath={`rule[${index}].condition`}
                        errors={errors}
                      />
                    )}
                    {!entry.condition && fieldError(`rule[${index}].condition`) && <div className="builder-errors">{fieldError(`rule[${index}].condition`)}</div>}
                  </div>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  setValues((current) => {
                    const lastIsElse = current.length > 0 && current[current.length - 1].condition === null;
                    const added = { key: nextKey++, value: '', condition: starterCondition() as Condition };
                    return lastIsElse ? [...current.slice(0, -1), added, current[current.length - 1]] : [...current, added];
                  })
                }
              >
                {t('tag.addValue')}
              </Button>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

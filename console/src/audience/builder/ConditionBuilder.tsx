import { DeleteOutlined, DownOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Dropdown, Segmented, Tag, Tooltip } from 'antd';
import { Fragment, useContext, useMemo, type ReactNode } from 'react';
import type { FieldError } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/I18nProvider';
import {
  childPath,
  isGroup,
  isNot,
  newRule,
  placeErrors,
  RULE_TYPES,
  type Condition,
  type GroupCondition,
  type RuleType,
} from '../condition/model';
import { ruleTypeLabel } from '../labels';
import { BuilderContext } from './context';
import { ErrorList } from './ErrorList';
import { RuleEditor } from './RuleEditor';

interface NodeProps {
  node: Condition;
  path: string;
  onChange: (node: Condition) => void;
  depth: number;
  negated?: boolean;
  actions?: ReactNode;
}

/** A group, a negation or a rule, whichever the node is. */
function NodeEditor({ node, path, onChange, depth, negated = false, actions }: NodeProps) {
  if (isNot(node)) {
    return (
      <NodeEditor
        node={node.condition}
        path={childPath(path)}
        onChange={(inner) => onChange({ type: 'not', condition: inner })}
        depth={depth}
        negated={!negated}
        actions={actions}
      />
    );
  }
  if (isGroup(node)) {
    return <GroupEditor node={node} path={path} onChange={onChange} depth={depth} negated={negated} actions={actions} />;
  }
  return <RuleEditor node={node} path={path} onChange={onChange} negated={negated} actions={actions} />;
}

/** Negate or remove a condition of a group. */
function RowActions({ negated, onNegate, onRemove }: { negated: boolean; onNegate: () => void; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Tooltip title={t(negated ? 'builder.unnegate' : 'builder.negate')}>
        <Button
          type={negated ? 'primary' : 'text'}
          danger={negated}
          size="small"
          icon={<StopOutlined />}
          onClick={onNegate}
          aria-label={t('builder.negate')}
          data-testid="rule-negate"
        />
      </Tooltip>
      <Tooltip title={t('builder.remove')}>
        <Button type="text" size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('builder.remove')} data-testid="rule-remove" />
      </Tooltip>
    </>
  );
}

/** Buttons that add a rule of a chosen type, or a nested group, to a group. */
function AddButtons({ onAdd }: { onAdd: (condition: Condition) => void }) {
  const { t } = useI18n();
  const { allowSegments } = useContext(BuilderContext);
  const types = RULE_TYPES.filter((type) => allowSegments || type !== 'segment');
  return (
    <div className="builder-add">
      <Dropdown
        trigger={['click']}
        menu={{
          items: types.map((type) => ({ key: type, label: <span data-testid={`add-rule-${type}`}>{ruleTypeLabel(t, type)}</span> })),
          onClick: ({ key }) => onAdd(newRule(key as RuleType)),
        }}
      >
        <Button size="small" icon={<PlusOutlined />} data-testid="add-rule">
          {t('builder.addRule')} <DownOutlined />
        </Button>
      </Dropdown>
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onAdd({ type: 'any', conditions: [newRule('trait')] })}
        data-testid="add-group"
      >
        {t('builder.addGroup')}
      </Button>
    </div>
  );
}

function GroupEditor({ node, path, onChange, depth, negated, actions }: NodeProps & { node: GroupCondition }) {
  const { t } = useI18n();
  const conditions = Array.isArray(node.conditions) ? node.conditions : [];
  const replace = (index: number, next: Condition | undefined) =>
    onChange({
      ...node,
      conditions: next === undefined ? conditions.filter((_, at) => at !== index) : conditions.map((child, at) => (at === index ? next : child)),
    });
  const joiner = t(node.type === 'all' ? 'condition.and' : 'condition.or');
  return (
    <div className={`builder-group builder-depth-${depth % 2}${negated ? ' builder-negated' : ''}`} data-testid="builder-group" data-path={path}>
      <div className="builder-group-head">
        {negated && (
          <Tag color="red" variant="filled" className="builder-not-tag">
            {t('builder.not')}
          </Tag>
        )}
        <Segmented<'all' | 'any'>
          size="small"
          value={node.type === 'any' ? 'any' : 'all'}
          onChange={(type) => onChange({ ...node, type })}
          data-testid="group-type"
          options={[
            { value: 'all', label: t('builder.all') },
            { value: 'any', label: t('builder.any') },
          ]}
        />
        <span className="muted small">{t(node.type === 'all' ? 'builder.allHint' : 'builder.anyHint')}</span>
        {actions && <div className="builder-actions">{actions}</div>}
      </div>
      <ErrorList path={path} />
      <div className="builder-children">
        {conditions.map((child, index) => (
          <Fragment key={index}>
            {index > 0 && <div className={`builder-joiner builder-joiner-${node.type}`}>{joiner}</div>}
            <NodeEditor
              node={child}
              path={childPath(path, index)}
              onChange={(next) => replace(index, next)}
              depth={depth + 1}
              actions={
                <RowActions
                  negated={isNot(child)}
                  onNegate={() => replace(index, isNot(child) ? child.condition : { type: 'not', condition: child })}
                  onRemove={() => replace(index, undefined)}
                />
              }
            />
          </Fragment>
        ))}
      </div>
      <AddButtons onAdd={(condition) => onChange({ ...node, conditions: [...conditions, condition] })} />
    </div>
  );
}

interface ConditionBuilderProps {
  value: Condition;
  onChange: (condition: Condition) => void;
  /** Where the condition stands in the request, for placing the server's field errors: "definition.condition". */
  rootPath: string;
  errors?: FieldError[];
  segmentId?: number;
  allowSegments?: boolean;
}

const NO_ERRORS: FieldError[] = [];

/** The visual editor of a condition: nested AND / OR groups of rules, any of which may be negated. */
export function ConditionBuilder({ value, onChange, rootPath, errors = NO_ERRORS, segmentId, allowSegments = true }: ConditionBuilderProps) {
  const { t } = useI18n();
  const settings = useMemo(
    () => ({ errors: placeErrors(value, rootPath, errors), segmentId, allowSegments }),
    [value, rootPath, errors, segmentId, allowSegments],
  );
  return (
    <BuilderContext.Provider value={settings}>
      <div className="condition-builder" data-testid="condition-builder">
        <NodeEditor node={value} path={rootPath} onChange={onChange} depth={0} />
        {!isGroup(value) && (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            className="builder-combine"
            onClick={() => onChange({ type: 'all', conditions: [value, newRule('fact')] })}
            data-testid="add-rule"
          >
            {t('builder.combine')}
          </Button>
        )}
      </div>
    </BuilderContext.Provider>
  );
}

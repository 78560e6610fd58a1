import { Select, Tag } from 'antd';
import { useContext, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { newRule, RULE_TYPES, type Rule, type RuleType } from '../condition/model';
import { ruleTypeLabel } from '../labels';
import { BuilderContext, RulePathContext } from './context';
import { ErrorList } from './ErrorList';
import { ChannelRule, ConsentRule, FactRule, TraitRule } from './rules/AttributeRules';
import { EventRule, PurchaseRule } from './rules/BehaviourRules';
import { LifecycleRule, RfmRule, SegmentRule, TagRule } from './rules/ReferenceRules';

function RuleFields({ node, onChange }: { node: Rule; onChange: (node: Rule) => void }) {
  switch (node.type) {
    case 'trait':
      return <TraitRule node={node} onChange={onChange} />;
    case 'fact':
      return <FactRule node={node} onChange={onChange} />;
    case 'channel':
      return <ChannelRule node={node} onChange={onChange} />;
    case 'consent':
      return <ConsentRule node={node} onChange={onChange} />;
    case 'event':
      return <EventRule node={node} onChange={onChange} />;
    case 'purchase':
      return <PurchaseRule node={node} onChange={onChange} />;
    case 'tag':
      return <TagRule node={node} onChange={onChange} />;
    case 'segment':
      return <SegmentRule node={node} onChange={onChange} />;
    case 'lifecycle':
      return <LifecycleRule node={node} onChange={onChange} />;
    case 'rfm':
      return <RfmRule node={node} onChange={onChange} />;
    default:
      return null;
  }
}

interface RuleEditorProps {
  node: Rule;
  path: string;
  onChange: (node: Rule) => void;
  negated: boolean;
  actions?: ReactNode;
}

/** One rule: its type, then the fields of that type; the server's complaints about it right under it. */
export function RuleEditor({ node, path, onChange, negated, actions }: RuleEditorProps) {
  const { t } = useI18n();
  const { allowSegments } = useContext(BuilderContext);
  const types = RULE_TYPES.filter((type) => allowSegments || type !== 'segment');
  return (
    <RulePathContext.Provider value={path}>
      <div className={`builder-rule${negated ? ' builder-negated' : ''}`} data-testid="builder-rule" data-path={path}>
        <div className="builder-rule-body">
          {negated && (
            <Tag color="red" variant="filled" className="builder-not-tag">
              {t('builder.not')}
            </Tag>
          )}
          <Select<RuleType>
            value={node.type}
            onChange={(type) => onChange(newRule(type))}
            className="builder-input-s builder-type"
            popupMatchSelectWidth={false}
            data-testid="rule-type"
            options={types.map((type) => ({ value: type, label: ruleTypeLabel(t, type) }))}
          />
          <div className="builder-rule-fields">
            <RuleFields node={node} onChange={onChange} />
          </div>
          {actions && <div className="builder-actions">{actions}</div>}
        </div>
        <ErrorList path={path} />
      </div>
    </RulePathContext.Provider>
  );
}

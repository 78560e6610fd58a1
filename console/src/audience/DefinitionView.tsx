import { isGroup, isNot, type Condition } from './condition/model';
import { describeRule } from './condition/describe';
import { useDescribe } from './catalog';
import { useI18n } from '../shared/i18n/I18nProvider';

function Node({ node }: { node: Condition }) {
  const { t } = useI18n();
  const context = useDescribe();
  if (isNot(node)) {
    return (
      <>
        <span className="definition-not">{t('builder.not')}</span> <Node node={node.condition} />
      </>
    );
  }
  if (isGroup(node)) {
    return (
      <>
        <span className="definition-joiner">{t(node.type === 'all' ? 'definition.all' : 'definition.any')}</span>
        <ul className="definition-tree">
          {(node.conditions ?? []).map((child, index) => (
            <li key={index}>
              <Node node={child} />
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <span>{describeRule(node, context)}</span>;
}

/** A definition as nested sentences that an operator reads: "All of: · Order count is at least 1 · …". */
export function DefinitionView({ condition }: { condition: Condition | undefined }) {
  if (!condition) {
    return <span className="muted">—</span>;
  }
  return (
    <div className="definition-text" data-testid="definition-text">
      <Node node={condition} />
    </div>
  );
}

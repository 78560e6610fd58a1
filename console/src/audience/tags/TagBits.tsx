import { Tag as AntTag, Tooltip } from 'antd';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { Tag } from '../api';
import { tagKindLabel } from '../labels';

const KIND_COLOURS: Record<string, string> = { MANUAL: 'blue', RULE: 'purple', VALUE: 'cyan' };

export function TagKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <AntTag color={KIND_COLOURS[kind] ?? 'default'}>{tagKindLabel(t, kind)}</AntTag>;
}

/** A value tag's values, the most held first, each with how many customers hold it. */
export function TagValues({ tag, max }: { tag: Tag; max?: number }) {
  const format = useFormat();
  const values = [...(tag.values ?? [])].sort((a, b) => b.customers - a.customers);
  const shown = max ? values.slice(0, max) : values;
  if (values.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <span className="tag-values">
      {shown.map((entry) => (
        <AntTag key={entry.value} variant="outlined">
          {entry.value} <span className="muted">{format.number(entry.customers)}</span>
        </AntTag>
      ))}
      {values.length > shown.length && (
        <Tooltip title={values.slice(shown.length).map((entry) => `${entry.value} (${entry.customers})`).join(', ')}>
          <AntTag>+{values.length - shown.length}</AntTag>
        </Tooltip>
      )}
    </span>
  );
}

import type { MessageKey } from '../shared/i18n/en';
import { en } from '../shared/i18n/en';
import type { Translate } from '../shared/i18n/I18nProvider';
import { label } from '../shared/labels';
import { CONSENT_STATES, FACTS, OPERATORS, RFM_GROUPS, RULE_TYPES, THRESHOLD_OPERATORS } from './condition/model';

/** Codes of the audience module in the operator's language; unknown codes are shown as they are. */
export const ruleTypeLabel = (t: Translate, type: string) => label(t, 'ruleType', type, RULE_TYPES);
export const factLabel = (t: Translate, fact: string) => label(t, 'fact', fact, FACTS);
export const operatorLabel = (t: Translate, operator: string) => label(t, 'operator', operator, OPERATORS);
export const thresholdLabel = (t: Translate, operator: string) => label(t, 'threshold', operator, THRESHOLD_OPERATORS);
export const rfmGroupLabel = (t: Translate, group: string | undefined) => label(t, 'rfmGroup', group, RFM_GROUPS);
export const consentStateLabel = (t: Translate, state: string) => label(t, 'consentState', state, CONSENT_STATES);
/** The categories Siyu's channels use, in the operator's language; a brand's own categories as they are. */
export const CONSENT_CATEGORY_CODES = ['email', 'sms', 'push', 'wechat', 'wecom', 'inbox'] as const;
export const consentCategoryLabel = (t: Translate, category: string) =>
  label(t, 'consentCategory', category, CONSENT_CATEGORY_CODES);
export const tagKindLabel = (t: Translate, kind: string) => label(t, 'tagKind', kind, ['MANUAL', 'RULE', 'VALUE']);
export const tagChangeLabel = (t: Translate, change: string) =>
  label(t, 'tagChange', change, ['ADDED', 'CHANGED', 'REMOVED']);

function known(key: string): key is MessageKey {
  return key in en;
}

/** A lifecycle model's name: the built-in models in the operator's language, the others as they were saved. */
export function modelLabel(t: Translate, model: string, saved?: string): string {
  const key = `model.${model}`;
  return known(key) ? t(key) : (saved ?? model);
}

/** A stage's name: the built-in stages in the operator's language, the others with the label they were saved with. */
export function stageLabel(t: Translate, model: string, stage: string, saved?: string): string {
  if (model === 'rfm') {
    return rfmGroupLabel(t, stage);
  }
  const key = `stage.${model}.${stage}`;
  return known(key) ? t(key) : (saved ?? stage);
}

/** The colour of each RFM group, from warm (best) to grey (lost), shared by the grid, its legend and the charts. */
export const RFM_COLOURS: Record<string, string> = {
  champions: '#389e0d',
  loyal: '#73d13d',
  potential_loyalists: '#36cfc9',
  new_customers: '#40a9ff',
  promising: '#85a5ff',
  need_attention: '#ffc53d',
  about_to_sleep: '#ffa940',
  at_risk: '#ff7a45',
  cant_lose: '#f5222d',
  hibernating: '#b37feb',
  lost: '#bfbfbf',
};

/** The name of a built-in RFM segment, as the server names it: "RFM: potential loyalists". */
export function rfmSegmentName(group: string): string {
  return `RFM: ${group.replace(/_/g, ' ')}`;
}

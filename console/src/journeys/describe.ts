import dayjs from 'dayjs';
import { segmentTitle } from '../audience/catalog';
import type { MessageKey } from '../shared/i18n/en';
import type { Translate } from '../shared/i18n/I18nProvider';
import type { JourneyCatalog } from './catalog';
import { fromIso, type Span } from './duration';
import type { JourneyGraph, JourneyNode, NodeType, Outlet } from './graph';

export const NODE_LABEL: Record<NodeType, MessageKey> = {
  wait: 'journey.node.wait',
  wait_until: 'journey.node.wait_until',
  wait_best_hour: 'journey.node.wait_best_hour',
  wait_event: 'journey.node.wait_event',
  split_segment: 'journey.node.split_segment',
  split_condition: 'journey.node.split_condition',
  split_random: 'journey.node.split_random',
  split_experiment: 'journey.node.split_experiment',
  action: 'journey.node.action',
  exit: 'journey.node.exit',
};

export const NODE_HINT: Record<NodeType, MessageKey> = {
  wait: 'journey.hint.wait',
  wait_until: 'journey.hint.wait_until',
  wait_best_hour: 'journey.hint.wait_best_hour',
  wait_event: 'journey.hint.wait_event',
  split_segment: 'journey.hint.split_segment',
  split_condition: 'journey.hint.split_condition',
  split_random: 'journey.hint.split_random',
  split_experiment: 'journey.hint.split_experiment',
  action: 'journey.hint.action',
  exit: 'journey.hint.exit',
};

export function spanText(t: Translate, span: Span): string {
  const one = span.amount === 1;
  switch (span.unit) {
    case 'minutes':
      return t(one ? 'journey.duration.minute' : 'journey.duration.minutes', { count: span.amount });
    case 'hours':
      return t(one ? 'journey.duration.hour' : 'journey.duration.hours', { count: span.amount });
    case 'days':
      return t(one ? 'journey.duration.day' : 'journey.duration.days', { count: span.amount });
  }
}

export function durationText(t: Translate, iso: string | undefined): string {
  const span = fromIso(iso);
  return span ? spanText(t, span) : iso || '—';
}

function segmentName(t: Translate, catalog: JourneyCatalog, id: number | null): string {
  const segment = catalog.segments.find((candidate) => candidate.id === id);
  return segment ? segmentTitle(t, segment) : id ? `#${id}` : t('journey.unset');
}

/** A node's settings in one line, for its card. */
export function nodeSummary(t: Translate, catalog: JourneyCatalog, node: JourneyNode): string {
  switch (node.type) {
    case 'wait':
      return t('journey.summary.wait', { duration: durationText(t, node.duration) });
    case 'wait_until':
      return node.days && node.days.length > 0
        ? t('journey.summary.waitUntilDays', { time: node.time, days: node.days.map((day) => t(`journey.weekday.${day}`)).join(', ') })
        : t('journey.summary.waitUntil', { time: node.time });
    case 'wait_best_hour':
      return t('journey.summary.waitBestHour', { duration: durationText(t, node.within) });
    case 'wait_event':
      return t('journey.summary.waitEvent', { event: node.event || t('journey.unset'), duration: durationText(t, node.timeout) });
    case 'split_segment':
      return t('journey.summary.splitSegment', { segment: segmentName(t, catalog, node.segment) });
    case 'split_condition':
      return t('journey.summary.splitCondition');
    case 'split_random':
      return node.branches.map((branch) => `${branch.percent}%`).join(' / ');
    case 'split_experiment':
      return node.variants.map((variant) => `${variant.name} ${variant.percent}%`).join(' / ');
    case 'action': {
      if (node.action === 'send_message') {
        const key = typeof node.config.template === 'string' ? node.config.template : '';
        const template = catalog.templates.find((candidate) => candidate.key === key);
        return t('journey.summary.send', { template: template ? template.name : key || t('journey.unset') });
      }
      if (node.action === 'set_trait') {
        return t('journey.summary.setTrait', {
          trait: String(node.config.trait ?? '') || t('journey.unset'),
          value: JSON.stringify(node.config.value ?? ''),
        });
      }
      if (node.action === 'add_tag' || node.action === 'remove_tag') {
        const tag = String(node.config.tag ?? '') || t('journey.unset');
        return t(node.action === 'add_tag' ? 'journey.summary.addTag' : 'journey.summary.removeTag', { tag });
      }
      if (node.action === 'grant_points') {
        return t('journey.summary.grantPoints', {
          points: typeof node.config.points === 'number' ? node.config.points : t('journey.unset'),
        });
      }
      if (node.action === 'call_webhook') {
        const endpoint = catalog.webhooks.find((candidate) => candidate.id === node.config.endpoint);
        return t('journey.summary.callWebhook', {
          endpoint: endpoint ? endpoint.name : typeof node.config.endpoint === 'number' ? `#${node.config.endpoint}` : t('journey.unset'),
          eventType: String(node.config.eventType ?? '') || t('journey.unset'),
        });
      }
      return catalog.actions.find((action) => action.type === node.action)?.description ?? node.action;
    }
    case 'exit':
      return t('journey.summary.exit');
  }
}

/** The words under a way out of a node. */
export function outletLabel(t: Translate, outlet: Outlet): string {
  switch (outlet.handle) {
    case 'next':
      return t('journey.outlet.next');
    case 'onEvent':
      return t('journey.outlet.onEvent');
    case 'onTimeout':
      return t('journey.outlet.onTimeout');
    case 'yes':
      return t('journey.outlet.yes');
    case 'no':
      return t('journey.outlet.no');
    default:
      return outlet.name ? `${outlet.name} · ${outlet.percent ?? 0}%` : `${outlet.percent ?? 0}%`;
  }
}

/** The phrase of a date trigger: on the day, or some days before or after it. */
function dateSummaryKey(offsetDays: number) {
  return offsetDays === 0 ? 'journey.summary.triggerDate' : offsetDays < 0 ? 'journey.summary.triggerDateBefore' : 'journey.summary.triggerDateAfter';
}

/** What starts the journey, in one line. */
export function triggerSummary(t: Translate, catalog: JourneyCatalog, graph: JourneyGraph): string {
  const trigger = graph.trigger;
  switch (trigger.type) {
    case 'event': {
      const filters = trigger.where?.length ?? 0;
      const event = t('journey.summary.triggerEvent', { event: trigger.event || t('journey.unset') });
      return filters > 0 ? `${event} ${t('journey.summary.filters', { count: filters })}` : event;
    }
    case 'segment_entered':
      return t('journey.summary.triggerSegment', { segment: segmentName(t, catalog, trigger.segment) });
    case 'segment_left':
      return t('journey.summary.triggerSegmentLeft', { segment: segmentName(t, catalog, trigger.segment) });
    case 'stage_changed':
      return t('journey.summary.triggerStage', {
        model: trigger.model || t('journey.unset'),
        stage: trigger.to || t('journey.summary.anyStage'),
      });
    case 'api':
      return t('journey.summary.triggerApi');
    case 'schedule':
      return trigger.cron
        ? t('journey.summary.triggerCron', { segment: segmentName(t, catalog, trigger.segment), cron: trigger.cron })
        : t('journey.summary.triggerOnce', {
            segment: segmentName(t, catalog, trigger.segment),
            at: trigger.at ? dayjs(trigger.at).format('YYYY-MM-DD HH:mm') : t('journey.unset'),
          });
    case 'date':
      return t(dateSummaryKey(trigger.offsetDays ?? 0), {
        attribute: trigger.attribute === 'last_order' ? t('journey.dateAttribute.last_order') : trigger.attribute === 'birthday' ? t('journey.dateAttribute.birthday') : trigger.attribute || t('journey.unset'),
        days: Math.abs(trigger.offsetDays ?? 0),
        at: trigger.at ?? '09:00',
      });
  }
}

/** The journey's entry rules, control group and goal, as short phrases. */
export function triggerSettings(t: Translate, graph: JourneyGraph): string[] {
  const phrases: string[] = [];
  const reentry = graph.reentry?.mode ?? 'once';
  phrases.push(
    reentry === 'once_per_days'
      ? t('journey.reentry.oncePerDaysShort', { days: graph.reentry?.days ?? 0 })
      : t(reentry === 'always' ? 'journey.reentry.always' : 'journey.reentry.once'),
  );
  if (graph.controlPercent) {
    phrases.push(t('journey.summary.control', { percent: graph.controlPercent }));
  }
  if (graph.goal) {
    phrases.push(t('journey.summary.goal', { event: graph.goal.event || t('journey.unset'), days: graph.goal.withinDays }));
  }
  if (graph.capPerDay) {
    phrases.push(t('journey.summary.cap', { count: graph.capPerDay }));
  }
  return phrases;
}

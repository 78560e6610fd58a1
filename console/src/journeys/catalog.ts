import { useMemo } from 'react';
import { useSession } from '../access/SessionProvider';
import { audienceApi, type LifecycleModel, type Segment, type Tag } from '../audience/api';
import { useApi } from '../shared/hooks/useApi';
import { webhooksApi, type WebhookEndpoint } from '../webhooks/api';
import { journeysApi, type ActionType, type BestHours, type MessageTemplate } from './api';

/**
 * What the canvas offers to pick from: events, segments, tags, lifecycle models, actions, message templates and webhook
 * endpoints.
 */
export interface JourneyCatalog {
  events: string[];
  segments: Segment[];
  /** Manual tags only: the ones tag actions may give and take. */
  tags: Tag[];
  models: LifecycleModel[];
  actions: ActionType[];
  templates: MessageTemplate[];
  /** The brand's pattern of responsive hours, which best-hour waits fall back on. */
  bestHours?: BestHours;
  webhooks: WebhookEndpoint[];
}

const none = () => Promise.resolve(undefined);

/** Loads the catalogue once for a journey's page; lists the operator's role may not read stay empty. */
export function useJourneyCatalog(): JourneyCatalog {
  const { can } = useSession();
  const audience = can('audience:read');
  const messages = can('messages:read');
  const vocabulary = useApi((signal) => (audience ? audienceApi.vocabulary(signal) : none()), [audience]);
  const segments = useApi((signal) => (audience ? audienceApi.segments(signal) : none()), [audience]);
  const tags = useApi((signal) => (audience ? audienceApi.tags(signal) : none()), [audience]);
  const models = useApi((signal) => (audience ? audienceApi.models(signal) : none()), [audience]);
  const actions = useApi((signal) => journeysApi.actions(signal), []);
  const templates = useApi((signal) => (messages ? journeysApi.templates(signal) : none()), [messages]);
  const bestHours = useApi((signal) => journeysApi.bestHours(signal), []);
  const hooks = can('webhooks:read');
  const webhooks = useApi((signal) => (hooks ? webhooksApi.endpoints(signal) : none()), [hooks]);
  return useMemo(
    () => ({
      events: vocabulary.data?.events ?? [],
      segments: segments.data ?? [],
      tags: (tags.data ?? []).filter((tag) => tag.kind === 'MANUAL'),
      models: models.data ?? [],
      actions: actions.data ?? [],
      templates: (templates.data ?? []).filter((template) => !template.archivedAt),
      bestHours: bestHours.data,
      webhooks: webhooks.data ?? [],
    }),
    [vocabulary.data, segments.data, tags.data, models.data, actions.data, templates.data, bestHours.data, webhooks.data],
  );
}

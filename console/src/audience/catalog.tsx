import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useSession } from '../access/SessionProvider';
import { commerceApi } from '../commerce/api';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n, type Translate } from '../shared/i18n/I18nProvider';
import { audienceApi, type LifecycleModel, type Segment, type Tag, type Vocabulary } from './api';
import type { DescribeContext } from './condition/describe';
import { modelLabel, rfmGroupLabel, stageLabel } from './labels';

/**
 * What conditions refer to by name: segments, tags, lifecycle models, product categories, and the traits, events and
 * categories of consent the index knows.
 */
export interface Catalog {
  segments: Segment[];
  tags: Tag[];
  models: LifecycleModel[];
  categories: string[];
  vocabulary?: Vocabulary;
  reload: () => void;
}

const EMPTY: Catalog = { segments: [], tags: [], models: [], categories: [], reload: () => undefined };

const CatalogContext = createContext<Catalog>(EMPTY);

/** Loads the catalog once for a page and everything on it (the builder's pickers, the condition texts). */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const { can } = useSession();
  const mayReadCommerce = can('commerce:read');
  const segments = useApi((signal) => audienceApi.segments(signal), []);
  const tags = useApi((signal) => audienceApi.tags(signal), []);
  const models = useApi((signal) => audienceApi.models(signal), []);
  const vocabulary = useApi((signal) => audienceApi.vocabulary(signal), []);
  const categories = useApi(
    (signal) => (mayReadCommerce ? commerceApi.categories(signal) : Promise.resolve([])),
    [mayReadCommerce],
  );
  const { reload: reloadSegments } = segments;
  const { reload: reloadTags } = tags;
  const value = useMemo<Catalog>(
    () => ({
      segments: segments.data ?? [],
      tags: tags.data ?? [],
      models: models.data ?? [],
      categories: (categories.data ?? []).map((category) => category.name),
      vocabulary: vocabulary.data ?? undefined,
      reload: () => {
        reloadSegments();
        reloadTags();
      },
    }),
    [segments.data, tags.data, models.data, categories.data, vocabulary.data, reloadSegments, reloadTags],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  return useContext(CatalogContext);
}

/** A segment's name for people: the built-in RFM segments in the operator's language. */
export function segmentTitle(t: Translate, segment: Pick<Segment, 'name' | 'builtIn' | 'definition'>): string {
  const condition = segment.definition?.condition;
  if (segment.builtIn && condition?.type === 'rfm' && condition.group) {
    return t('segment.rfmTitle', { group: rfmGroupLabel(t, condition.group) });
  }
  return segment.name;
}

/** Everything describing conditions needs, with the names of this catalog. */
export function useDescribe(): DescribeContext {
  const { t } = useI18n();
  const format = useFormat();
  const { segments, models } = useCatalog();
  return useMemo(() => {
    const savedModel = (model: string) => models.find((entry) => entry.name === model);
    return {
      t,
      number: (value: number) => format.number(value),
      segmentName: (id: number) => {
        const segment = segments.find((entry) => entry.id === id);
        return segment ? segmentTitle(t, segment) : undefined;
      },
      modelLabel: (model: string) => modelLabel(t, model, savedModel(model)?.label),
      stageLabel: (model: string, stage: string) =>
        stageLabel(t, model, stage, savedModel(model)?.stages.find((entry) => entry.value === stage)?.label),
    };
  }, [t, format, segments, models]);
}

export type Language = 'zh' | 'en';

export const LANGUAGES: readonly Language[] = ['zh', 'en'];

const STORAGE_KEY = 'siyu.language';

/** The language an operator chose before, or else the first of the browser's languages the console speaks. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored === 'zh' || stored === 'en') {
    return stored;
  }
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh' || primary === 'en') {
      return primary;
    }
  }
  return 'en';
}

/**
 * The locale for numbers and dates: the browser's own when it is in the chosen language (so en-GB keeps its day
 * order), else the usual one for that language.
 */
export function resolveLocale(language: Language, browserLanguages: readonly string[]): string {
  const own = browserLanguages.find((tag) => tag.toLowerCase().split('-')[0] === language);
  if (own && own.includes('-')) {
    return own;
  }
  return language === 'zh' ? 'zh-CN' : 'en-US';
}

export function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private windows may refuse storage: the choice then lasts until reload
  }
}

/** Replaces `{name}` placeholders with the given values; unknown placeholders stay visible so they get noticed. */
export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

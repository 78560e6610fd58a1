import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { zh } from './zh';
import { detectLanguage, interpolate, resolveLocale, storeLanguage, storedLanguage, type Language } from './language';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    detectLanguage(storedLanguage(), browserLanguages()),
  );
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[language];
    return {
      language,
      locale: resolveLocale(language, browserLanguages()),
      setLanguage,
      t: (key, values) => interpolate(dictionary[key] ?? key, values),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n needs an I18nProvider above it');
  }
  return value;
}

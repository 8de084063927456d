import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Lang } from './dates';

const STORAGE_KEY = 'holds.lang';

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LanguageContext = createContext<LanguageState>({ lang: 'ja', setLang: () => undefined });

function storedLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
}

/** Japanese by default; the choice is kept in the browser and set on <html lang> for screen readers. */
export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLang] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
  }, [lang]);
  return <LanguageContext.Provider value={{ lang, setLang }}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** Each app's messages in both languages, the English ones shaped like the Japanese. */
export function useMessages<M>(catalogue: Record<Lang, M>): M {
  return catalogue[useLanguage().lang];
}

/** Names the other language in that language, as language switches do; screen readers also hear what it does. */
export function LanguageSwitch({ label }: { label: string }) {
  const { lang, setLang } = useLanguage();
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return (
    <button type="button" class="link-button" onClick={() => setLang(other)}>
      <span lang={other}>{other === 'en' ? 'English' : '日本語'}</span>
      <span class="visually-hidden"> {label}</span>
    </button>
  );
}

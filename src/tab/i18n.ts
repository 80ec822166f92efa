import en from '../i18n/locales/en/verantwoording.json';
import nl from '../i18n/locales/nl/verantwoording.json';

export type TabLocale = 'nl' | 'en';
export type T = (key: string, vars?: Record<string, string | number>) => string;

const FILES: Record<TabLocale, unknown> = { nl, en };

/** Teams reports e.g. "en-us" or "nl-nl"; anything else falls back to Dutch, the default. */
export function pickLocale(tag: string | null | undefined): TabLocale {
  return (tag ?? '').toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** The same language files as the bot (src/i18n/locales/<lang>/verantwoording.json), bundled in. */
export function translator(locale: TabLocale): T {
  return (key, vars = {}) => {
    let node: unknown = FILES[locale];
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    const text = typeof node === 'string' ? node : key;
    return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
  };
}

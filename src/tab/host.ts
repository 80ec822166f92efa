import { app, authentication } from '@microsoft/teams-js';

/** Where the tab runs: inside Teams (SSO) or in a plain browser (dev sign-in, when the server offers it). */
export interface Host {
  inTeams: boolean;
  locale: string | null;
  theme: string;
  onThemeChange(handler: (theme: string) => void): void;
  /** A fresh Teams SSO token (Teams caches and renews it). */
  ssoToken?(): Promise<string>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

function browserHost(): Host {
  const params = new URLSearchParams(location.search);
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    inTeams: false,
    locale: params.get('lang') ?? navigator.language,
    theme: params.get('theme') ?? (dark ? 'dark' : 'default'),
    onThemeChange: () => undefined,
  };
}

/**
 * Initialises the Teams JS library. Outside Teams this fails (no parent window) or never answers
 * (framed by something else); either way the page carries on as a plain browser page.
 */
export async function connectHost(timeoutMs = 4000): Promise<Host> {
  try {
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    return {
      inTeams: true,
      locale: context.app.locale,
      theme: context.app.theme,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      ssoToken: () => authentication.getAuthToken(),
    };
  } catch {
    return browserHost();
  }
}

export function applyTheme(theme: string): void {
  document.documentElement.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

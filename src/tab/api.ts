/** A failed call to the tab's API, with the status and the server's error code. */
export class ApiError extends Error {
  /**
   * A 400 about one input says which (`field`, the API's name), the rule it broke and its limits
   * (`params`, numbers only); a 409 on a note carries the newer stored `note`.
   */
  constructor(readonly status: number, readonly body: { error?: string; field?: string; rule?: string; params?: Record<string, unknown>; [k: string]: unknown }) {
    super(`api ${status} ${body.error ?? ''}`);
  }
}

/** The tab's JSON API (/api/verantwoording/*), always with the caller's bearer token. */
export class Api {
  constructor(private readonly token: () => Promise<string>, private readonly lang: string) {}

  async call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`/api/verantwoording${path}${method === 'GET' ? `${path.includes('?') ? '&' : '?'}lang=${this.lang}` : ''}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw new ApiError(res.status, (json ?? {}) as ApiError['body']);
    return json as T;
  }

  async download(path: string): Promise<Blob> {
    const res = await fetch(`/api/verantwoording${path}?lang=${this.lang}`, { headers: { authorization: `Bearer ${await this.token()}` } });
    if (!res.ok) throw new ApiError(res.status, {});
    return res.blob();
  }
}

/**
 * The app's default language (DEFAULT_LANGUAGE), for a client language the tab does not speak:
 * the chat answers such a person in it, and so does the tab. Undefined when the server does not say.
 */
export async function appDefaultLanguage(): Promise<string | undefined> {
  try {
    const res = await fetch('/api/tab/settings');
    const body = res.ok ? ((await res.json()) as { defaultLanguage?: unknown }) : {};
    return typeof body.defaultLanguage === 'string' ? body.defaultLanguage : undefined;
  } catch {
    return undefined;
  }
}

/** The development sign-in, offered by the server only when bot authentication is off. */
export async function devSignInAvailable(): Promise<boolean> {
  try {
    const res = await fetch('/api/dev/status');
    return res.ok && ((await res.json()) as { devSignIn?: boolean }).devSignIn === true;
  } catch {
    return false;
  }
}

export async function devSignIn(userId: string): Promise<{ token: string; expiresAt: string }> {
  const res = await fetch('/api/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new ApiError(res.status, {});
  return (await res.json()) as { token: string; expiresAt: string };
}

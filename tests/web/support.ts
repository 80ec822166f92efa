import { TestApp } from '../support/test-app';

/** A bearer token for the tab API from the development sign-in (bot authentication off in tests). */
export async function devToken(t: TestApp, userId: string): Promise<string> {
  const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (res.status !== 200) throw new Error(`dev sign-in for ${userId} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface TabAnswer {
  status: number;
  /** The body as sent, to look for texts that must not be in it. */
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

/**
 * The tab API (/api/verantwoording...) as any signed-in person: `api(userId, method, path, body)`.
 * Each person signs in once; the answer keeps its raw text next to the parsed JSON.
 */
export function tabApiAsAnyone(t: () => TestApp): (as: string, method: string, path: string, body?: unknown) => Promise<TabAnswer> {
  const tokens = new Map<string, Promise<string>>();
  return async (as, method, path, body) => {
    if (!tokens.has(as)) tokens.set(as, devToken(t(), as));
    const res = await fetch(`${t().app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokens.get(as)!}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
  };
}

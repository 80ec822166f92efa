import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/** The app with a directory in which Mia manages Eva (so Eva's prep-card preview can be read). */
export async function startWithEvasManager(): Promise<TestApp> {
  const directory = join(mkdtempSync(join(tmpdir(), 'removed-member-directory-')), 'directory.json');
  writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return startTestApp({ DIRECTORY_FILE: directory });
}

/** A call to the tab's API as this person (signed in the way the dev tab signs in). */
export async function tabAs(t: TestApp, userId: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; text: string }> {
  const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, text: await res.text() };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../appPackage/manifest.json'), 'utf8'));
const english = JSON.parse(readFileSync(join(__dirname, '../../appPackage/en.json'), 'utf8'));
const UNKNOWN = ["Dat begrijp ik niet. Typ 'help' voor wat ik kan.", "I don't understand that. Type 'help' to see what I can do."];

/** Every command the manifest offers, in Dutch and English, is understood in its scope. */
describe('the manifest\'s command lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const cases: [string, string, string][] = manifest.bots[0].commandLists.flatMap((list: { scopes: string[]; commands: { title: string }[] }, li: number) =>
    list.scopes.flatMap((scope) =>
      list.commands.flatMap((c, ci) => [
        [scope, 'nl', c.title],
        [scope, 'en', english[`bots[0].commandLists[${li}].commands[${ci}].title`] as string],
      ]),
    ),
  );

  it.each(cases)('%s (%s): "%s" gets an answer', async (scope, _lang, title) => {
    const kind = scope === 'personal' ? 'personal' : scope === 'team' ? 'channel' : 'groupChat';
    const before = t.connector.calls.length;
    const res = await t.send(message(t.conversation(kind, `${kind}-${title}`), user('Anna'), title));
    expect(res.status).toBe(200);
    const replies = t.connector.calls.slice(before);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(UNKNOWN).not.toContain(r.activity.text);
  });
});

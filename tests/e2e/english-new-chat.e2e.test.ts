/**
 * An English-locale Teams user (activity locale en-US) in a group chat where no group has been set
 * up yet. Nothing is stored, so the app's own rule (compose.ts localeFor) says the Teams client's
 * language counts. The welcome card, `help`, `group` and the setup card were Dutch, and the setup
 * form's language was set to Dutch. Found in review, stop 37.
 */
import { botAdded, execute, message } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const en = <T extends Record<string, unknown>>(a: T) => ({ ...a, locale: 'en-US' });

describe('an English Teams client in a chat without a group', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.connector.roster = MEMBERS.slice(0, 3);
  });
  afterAll(() => t.stop());

  const postedAfter = (before: number) => t.connector.calls.slice(before).filter((c) => c.method === 'POST').map((c) => cardText(c.activity.attachments?.[0]?.content) + (c.activity.text ?? ''));

  it('greets in English when the app is added by an English user', async () => {
    const conv = t.conversation('groupChat', '19:probe-en-welcome@thread.v2');
    const before = t.connector.calls.length;
    await t.send(en(botAdded(conv, MEMBERS[0]!)));
    const texts = postedAfter(before).join('\n');
    expect(texts).toContain('Welcome to Lerend Werken');
  });

  it('answers `help` in English', async () => {
    const conv = t.conversation('groupChat', '19:probe-en-help@thread.v2');
    const before = t.connector.calls.length;
    await t.send(en(message(conv, MEMBERS[0]!, 'help')));
    const texts = postedAfter(before).join('\n');
    expect(texts).not.toMatch(/\b(groep|sessie|Wat kan ik)\b/i);
  });

  it('shows the setup card in English for the `group` command', async () => {
    const conv = t.conversation('groupChat', '19:probe-en-group@thread.v2');
    const before = t.connector.calls.length;
    await t.send(en(message(conv, MEMBERS[0]!, 'group')));
    expect(postedAfter(before).join('\n')).toContain('Set up the group');
  });

  it('opens the setup form in English from the welcome button', async () => {
    const conv = t.conversation('groupChat', '19:probe-en-open@thread.v2');
    const res = await t.send(en(execute(conv, MEMBERS[0]!, 'group.setup.open', {}, 'welcome')));
    expect(cardText(res.body.value)).toContain('Set up the group');
    // The group it sets up is English unless they choose otherwise.
    const inputs = (res.body.value as { body: { id?: string; value?: unknown }[] }).body;
    expect(inputs.find((e) => e.id === 'language')?.value).toBe('en');
  });
});

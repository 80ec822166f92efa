import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, PulseDriver } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';

/**
 * Hanna (HR) types `text` in her 1:1 chat with the bot; once delivery has settled, what the bot
 * posted since (each message's text, or the text of its cards), one message a line. `app` and
 * `driver` are read at the call (they are started later, in a beforeAll).
 */
export function hrChatReply(app: () => TestApp, driver: () => PulseDriver): (text: string) => Promise<string> {
  return async (text) => {
    const t = app();
    const before = t.connector.calls.length;
    await t.send(message(t.conversation('personal', 'a:hanna'), HR, text));
    await driver().settle();
    return t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity?.type === 'message')
      .map((c) => (c.activity.text as string | undefined) ?? (c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content)).join(' '))
      .join('\n');
  };
}

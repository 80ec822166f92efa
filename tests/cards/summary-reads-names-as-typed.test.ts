/**
 * Found in review, stop 42. The proactive card `summary` (16f8984) is taken from the card's first
 * heading, and since 697aa1c a name in a heading is Markdown-escaped (`escapeMarkdown`). The summary
 * strips `**` and links but not those escapes, and Teams' toast / activity feed / chat list render
 * no Markdown: a manager whose report is called "Anna Jansen [EXT]" (how Teams names guests and
 * external staff) is notified with "... met Anna Jansen \[EXT\]". The same holds for a group or
 * team name with `_`, `*`, `[`, or a leading `#`/`-` on the session summary and B3 announcement.
 *
 * What must hold: the summary says the name as typed, without the backslashes of its escaping.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

type Sent = { summary?: string; attachments?: unknown[] };

describe('a manager\'s prep card about a report whose Teams name has brackets', () => {
  let t: TestApp;
  const mia = user('Mia');
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna Jansen [EXT]', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  });
  afterAll(() => t.stop());

  it('is announced with the name as typed, not with Markdown escapes', async () => {
    t.clock.set('2026-12-07T08:00:00Z'); // three days ahead, 09:00 in Amsterdam
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    const summaries = t.connector.calls
      .filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && (c.activity as Sent).attachments?.length)
      .map((c) => (c.activity as Sent).summary ?? '')
      .filter((s) => s.startsWith('Voorbereiding'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toBe('Voorbereiding: talentontwikkelgesprek met Anna Jansen [EXT]');
  });
});

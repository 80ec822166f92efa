import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCard } from '../support/hr-report';

/**
 * Found in review, stop 45. HR downloads the report's CSV and opens it in Excel on Windows (the
 * file is made for Excel, hence its formula escaping). What members and managers type in a Dutch
 * organisation is full of diacritics: "ideeën", "cliënt", "coördinatie". Excel opens a CSV by
 * double-click in the system's ANSI code page unless the file starts with the UTF-8 byte order
 * mark (EF BB BF); without it HR read "IdeeÃ«n voor de cliÃ«nt". The file now starts with the
 * mark. (The separator stays ',' in every language; see report-routes.ts.)
 *
 * What must hold: the CSV's bytes start with the UTF-8 BOM, and the text after it is as typed.
 */

const hanna = user('Hanna'); // HR/L&O

const group = {
  id: 'grp-clienten',
  type: 'group',
  groupId: 'grp-clienten',
  tenantId: 'tenant-1',
  conversationId: '19:clienten@thread.v2',
  conversationKind: 'groupChat',
  name: 'Cliëntenzorg',
  members: [],
  schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' },
  language: 'nl',
  plannedWeeks: 6,
  conversationRef: { conversation: { id: '19:clienten@thread.v2', tenantId: 'tenant-1' } },
  cyclesStarted: 1,
  createdBy: 'aad-x',
  createdAt: '2026-10-01T08:00:00.000Z',
};

const adopted = {
  id: 'p-ideeen',
  type: 'proposal',
  groupId: 'grp-clienten',
  groupName: 'Cliëntenzorg',
  cycleId: 'grp-clienten_c1',
  sessionId: 'grp-clienten_c1_s3',
  title: '',
  ai: { status: 'none' },
  decision: { verdict: 'accept', text: 'Ideeën van de cliënt bij de coördinatie betrekken.', firstStep: 'Lijst maken.', at: '2026-11-10T10:00:00.000Z', reason: 'Besproken', judged: { agree: 3, doubt: 0, disagree: 0 }, decidedBy: 'aad-x' },
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-10T10:00:00.000Z',
};

describe('the HR report CSV, opened in Excel', () => {
  let t: TestApp;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-30T10:00:00Z');
    const sessions = t.store.container('sessions');
    await sessions.items.create(group);
    await sessions.items.create(adopted);
  });
  afterAll(() => t.stop());

  it('starts with the UTF-8 byte order mark, so Excel reads "Ideeën voor de cliënt" as typed', async () => {
    const card = await reportCard(t, channel(), hanna, 'rapport 2026-11-01 2026-11-30');
    const link = new URL(card.actions[0].url);
    const res = await fetch(`${t.app.url}${link.pathname}${link.search}`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // Precondition: the file does hold the typed text, in UTF-8.
    expect(bytes.toString('utf8')).toContain('Ideeën van de cliënt bij de coördinatie betrekken.');
    expect([...bytes.subarray(0, 3)].map((b) => b.toString(16))).toEqual(['ef', 'bb', 'bf']);
  }, 60_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allActionData, PersonalChat, runWeek } from './support';

const NAME = '[Bevestig je Teams-account](https://evil.example/login)';
const ANNA = '[Anna](https://evil.example/anna) **de Vries**';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: ANNA, managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

/** Every text in a card Teams reads as Markdown: a TextBlock's text, a fact's title and value. */
function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    Object.values(o).forEach((v) => markdownTexts(v, out));
  }
  return out;
}

/**
 * Found in review, the Markdown group name finding (2). Bram names the group on its setup form
 * "[Bevestig je Teams-account](https://evil.example/login)". Anna shares the hours of her first week
 * and asks "wat ziet mijn leidinggevende": the preview (the same function as her manager's prep
 * card) listed the week as "• Week 1, <group>: 4 uur (4 sessies)" in a TextBlock, which Teams reads
 * as Markdown: a link on the card Anna's manager gets. Her name in the directory is Markdown as
 * well. It must hold that the week line shows the group's name as typed (a TextRun), and that no
 * text Teams reads as Markdown (a TextBlock, a fact) carries either link.
 */
describe('the preview of the prep card shows the group name as plain text', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    t.connector.roster = g.members;
    const res = await g.press(bram, 'group.setup.save', {
      name: NAME,
      members: g.members.map((m) => m.aadObjectId).join(','),
      days: '1,2,3,4',
      startTime: '09:00',
      timeZone: 'Europe/Amsterdam',
      language: 'nl',
      weeks: '20',
    }, 'setup-card');
    g.groupId = res.value.actions[0].data.groupId;
    await g.startCycle();
    await runWeek(g, { personal9: 'Plannen', personal10: 'Puzzelen', contribution: 'Overdracht' });
  }, 120_000);
  afterAll(() => t.stop());

  it('never puts the name in Markdown text', async () => {
    const chat = new PersonalChat(t, anna);
    const overview = (await chat.say('verantwoording')).cards[0];
    const shareTime = allActionData(overview, 'verantwoording.visibility').find((d) => d.kind === 'time')!;
    await chat.press('verantwoording.visibility', shareTime);
    const preview = (await chat.say('wat ziet mijn leidinggevende')).cards[0];
    expect(cardText(preview)).toContain('Bevestig je Teams-account');
    // No link or emphasis Teams would act on: "](" or "**" without a backslash before it.
    expect(markdownTexts(preview).filter((text) => /(?<!\\)\]\(/.test(text) || /(?<![\\*])\*\*/.test(text))).toEqual([]);
    expect(JSON.stringify(preview)).toContain(`{"type":"TextRun","text":"• Week 1, ${NAME}: 4 uur (4 sessies)"`);
  });
});

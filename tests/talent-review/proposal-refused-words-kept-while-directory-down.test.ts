/**
 * Found in review, stop 44. Anna writes a long text for Mia on the "Voorleggen aan mijn
 * leidinggevende" form, a little over the 1,000-character limit, and presses Versturen while the
 * directory does not answer (Graph throttles, the file is being rewritten). The words are checked
 * first and refused; drawing the form again used to ask the directory for her manager again, which
 * failed, and she got the plain error card with none of what she typed. Now the refused form names
 * the manager the pressed form named (its button's data) without asking the directory: her words
 * come back with the reason next to them. A proposal that is no longer hers to put before anyone
 * says why, with her words to copy; a form that named nobody, with the directory down, gives the
 * words back on the plain form with their reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser } from '../support/activities';
import { buttonData, field, inputValues } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];

describe('over-long words sent while the directory does not answer', () => {
  let t: TestApp;
  let file: string;
  let group: { groupId: string; proposalId: string };
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-olga', name: 'Olga' },
  ];
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ptm-outage@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
    group = { groupId: g.groupId, proposalId: `${g.groupId}_w1_p` };
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: group.proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId: group.proposalId, decision: 'adapt', adoptedText: 'EIGEN-WOORDEN: samen aan het bed', decisionReason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' });
    await g.end(anna);
  }, 120_000);
  afterAll(() => t?.stop());

  it('gives the words back', async () => {
    const form = await press(anna, 'review.proposalToManager.open', group);
    expect(cardText(form)).toContain('Gaat naar Mia');
    const tooLong = `${'Dit voorstel verdient echt jouw aandacht, want het raakt ons allemaal. '.repeat(15)}EINDE`;
    expect(tooLong.length).toBeGreaterThan(1000);
    const reason = `Hoogstens 1.000 tekens; dit zijn er ${tooLong.length.toLocaleString('nl-NL')}.`;
    const send: Record<string, unknown> = { ...buttonData(form, 'review.proposalToManager.send'), words: tooLong };
    // The directory does not answer for a moment (a file being rewritten reads as an outage).
    writeFileSync(file, '{"users": [');
    try {
      // The form as she pressed it: Mia's name, her words, the reason next to them, the same button.
      const refused = await press(anna, 'review.proposalToManager.send', send);
      expect(field(refused, 'words')).toEqual({ value: tooLong, next: reason });
      expect(cardText(refused)).toContain('Gaat naar Mia');
      expect(cardText(refused)).toContain('Nog niet verstuurd');
      expect(buttonData(refused, 'review.proposalToManager.send')).toMatchObject({ ...group, to: 'aad-mia', toName: 'Mia' });
      expect(cardProblems(refused)).toEqual([]);

      // A proposal that is not hers (the ids no longer name one of hers): why, and her words to copy.
      const gone = await press(anna, 'review.proposalToManager.send', { ...send, proposalId: `${group.groupId}_w9_p` });
      expect(cardText(gone)).toContain('geen voorstel waaraan jij hebt bijgedragen');
      expect(Object.values(inputValues(gone))).toContain(tooLong);

      // A form that named nobody (crafted): the plain form keeps the words with their reason.
      const { to: _to, toName: _name, ...unnamed } = send;
      const plain = await press(anna, 'review.proposalToManager.send', unnamed);
      expect(field(plain, 'words')).toEqual({ value: tooLong, next: reason });
    } finally {
      writeFileSync(file, JSON.stringify({ users }));
    }
  });
});

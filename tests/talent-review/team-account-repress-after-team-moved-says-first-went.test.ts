/**
 * Found in review, stop 57 (fixed then: a press whose form names nobody in the team now first
 * looks for its own record, so a try after an earlier one went answers "your earlier try went").
 *
 * The team account form pressed again (the first answer lost) says what the first try sent, also
 * when the directory moved the team on between the presses: not "nobody in your team, nothing
 * went", nor a new form. Nothing is queued twice, and nobody new is written to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('team account pressed again after the team changed', () => {
  let t: TestApp;
  let directory: string;
  /** `mia`: Anna and Eva report to Mia; `olga`: they moved to Olga; `bram`: they moved, and Bram joined Mia. */
  const writeDirectory = (team: 'mia' | 'olga' | 'bram') =>
    writeFileSync(
      directory,
      JSON.stringify({
        users: [
          { id: 'aad-anna', name: 'Anna', managerId: team === 'mia' ? 'aad-mia' : 'aad-olga' },
          { id: 'aad-eva', name: 'Eva', managerId: team === 'mia' ? 'aad-mia' : 'aad-olga' },
          { id: 'aad-bram', name: 'Bram', managerId: team === 'bram' ? 'aad-mia' : 'aad-olga' },
          { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
          { id: 'aad-olga', name: 'Olga' },
        ],
      }),
    );
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (data: Record<string, unknown>, activityId?: string) => (await t.send({ ...execute(chat(mia), mia, SEND, data, 'card-1', activityId), locale: 'nl-NL' })).body.value;
  const openForm = async () => {
    await t.send({ ...message(chat(mia), mia, 'teamverantwoording'), locale: 'nl-NL' });
    return t.connector.cards((c) => c.conversationId === chat(mia).id).at(-1)!.card;
  };
  const cardsTo = async (aadId: string) => {
    await t.app.outbox.drain(60_000);
    const conv = t.connector.personalChats.get(aadId);
    return conv ? t.connector.cards((c) => c.conversationId === conv).map((c) => cardText(c.card)) : [];
  };
  const saying = (card: unknown, words: string) => {
    const text = cardText(card);
    return { saysEarlierTryWent: /eerdere poging/.test(text), saysSent: /Verantwoording verstuurd/.test(text), saysNothingWent: /niets verstuurd|Er is niets|nothing went/i.test(text), wordsShown: text.includes(words) };
  };

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeDirectory('mia');
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());
  beforeEach(() => writeDirectory('mia'));

  it('the same words again with other line breaks, composed accents and trailing invisibles say nothing of an earlier try', async () => {
    const data = buttonData(await openForm(), SEND);
    await press({ ...data, text: 'Cafe\u0301 overleg\r\nGoed gedaan' }, 'mia-nfd');
    const again = await press({ ...data, text: '\u200BCaf\u00E9 overleg\nGoed gedaan\u200B\uFEFF ' }, 'mia-nfc');
    expect({ saidEarlierTry: /eerdere poging/.test(cardText(again)), sent: /verstuurd/i.test(cardText(again)) }).toEqual({ saidEarlierTry: false, sent: true });
  });

  it('the second try, after Anna and Eva moved to Olga, says the first went, with its own words to copy', async () => {
    const data = buttonData(await openForm(), SEND);
    // The first try lands (Teams never shows its answer).
    await press({ ...data, text: 'EERSTE-VERSIE' }, 'mia-first');
    expect((await cardsTo('aad-anna')).filter((c) => c.includes('EERSTE-VERSIE'))).toHaveLength(1);
    // Meanwhile the directory moves her reports; she presses the same form again with better words.
    writeDirectory('olga');
    const again = await press({ ...data, text: 'TWEEDE-VERSIE' }, 'mia-second');
    expect(saying(again, 'TWEEDE-VERSIE')).toEqual({ saysEarlierTryWent: true, saysSent: true, saysNothingWent: false, wordsShown: true });
    expect(cardText(again)).toContain('EERSTE-VERSIE');
    // Names come from the directory, never from storage: nobody is named, and no "0 directe collega's" is shown.
    expect(cardText(again)).not.toMatch(/Verstuurd aan je (0 )?directe collega/);
    // Nothing went twice, and the second words went nowhere.
    expect({ anna: (await cardsTo('aad-anna')).filter((c) => /EERSTE-VERSIE|TWEEDE-VERSIE/.test(c)).length, second: [...(await cardsTo('aad-anna')), ...(await cardsTo('aad-eva'))].some((c) => c.includes('TWEEDE-VERSIE')) }).toEqual({ anna: 1, second: false });
  });

  it('the second try, after Anna and Eva moved on and Bram joined, says the first went: no new form, and Bram is not written to', async () => {
    const data = buttonData(await openForm(), SEND);
    await press({ ...data, text: 'VOOR-BRAM-EERSTE' }, 'mia-bram-first');
    expect((await cardsTo('aad-eva')).filter((c) => c.includes('VOOR-BRAM-EERSTE'))).toHaveLength(1);
    writeDirectory('bram');
    const again = await press({ ...data, text: 'VOOR-BRAM-TWEEDE' }, 'mia-bram-second');
    expect(saying(again, 'VOOR-BRAM-TWEEDE')).toEqual({ saysEarlierTryWent: true, saysSent: true, saysNothingWent: false, wordsShown: true });
    expect((await cardsTo('aad-bram')).some((c) => /VOOR-BRAM/.test(c))).toBe(false);
  });

  it('the same words again after the team moved on say they went, and nothing of an earlier try', async () => {
    const data = buttonData(await openForm(), SEND);
    await press({ ...data, text: 'ZELFDE-WOORDEN' }, 'mia-same-first');
    expect((await cardsTo('aad-anna')).filter((c) => c.includes('ZELFDE-WOORDEN'))).toHaveLength(1);
    writeDirectory('olga');
    const again = await press({ ...data, text: 'ZELFDE-WOORDEN' }, 'mia-same-second');
    expect(saying(again, 'ZELFDE-WOORDEN')).toEqual({ saysEarlierTryWent: false, saysSent: true, saysNothingWent: false, wordsShown: true });
  });

  it('a form whose team moved on before any try still says nothing went', async () => {
    const data = buttonData(await openForm(), SEND);
    writeDirectory('olga');
    const first = await press({ ...data, text: 'NOOIT-VERSTUURD' }, 'mia-never');
    expect(saying(first, 'NOOIT-VERSTUURD')).toEqual({ saysEarlierTryWent: false, saysSent: false, saysNothingWent: true, wordsShown: true });
  });
});

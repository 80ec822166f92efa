/**
 * Anna opened the time card of a week in the chat (4 hours), corrected that week to 6.5 hours in
 * the tab, then pressed Opslaan on the still-open card: the stored figure silently went back to 4.
 * The time record kept no revision, so an outdated save could not be told from a new one (notes
 * and the Prof-traject refuse those). The hours now carry a revision as notes do: a save from an
 * outdated card is refused with the typed figure next to the stored one, the tab gets a 409 with
 * the stored version, and records and cards from before revisions are still handled safely.
 * Found in review, stop 38.
 */
import { timeUsedId } from '../../src/domain/verantwoording/time-used';
import { user } from '../support/activities';
import { inputValue } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, weekOfAnnasGroup } from './support';


interface Week {
  groupId: string;
  cycleId: string;
  hours: number;
  timeRev: number;
}

describe('hours corrected in the tab while an older time card is open in the chat', () => {
  let t: TestApp;
  let token: string;
  let anna: PersonalChat;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  /** Anna's one correctable week, as the tab reads it now. */
  const week = async (): Promise<Week> => (await api('GET', '')).json.cycles.find((c: { correctable: boolean }) => c.correctable);
  const storedRecord = async (cycleId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'timeUsed' AND c.cycleId = @cycleId", parameters: [{ name: '@cycleId', value: cycleId }] }).fetchAll()).resources[0];
  const openCard = (w: Week) => anna.press('verantwoording.time.open', { groupId: w.groupId, cycleId: w.cycleId }, 'overview-card');

  beforeAll(async () => {
    t = await startTestApp();
    await weekOfAnnasGroup(t);
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
    anna = new PersonalChat(t, user('Anna'));
  });
  afterAll(() => t.stop());

  it('refuses Opslaan on a card opened before a tab correction, showing her figure and the stored one; saving again keeps hers', async () => {
    const before = await week();
    const card = await openCard(before);
    const shown = inputValue(card, 'hours');
    expect(shown).toBe(before.hours);
    expect((await api('PUT', '/time', { groupId: before.groupId, cycleId: before.cycleId, hours: 6.5, rev: before.timeRev })).status).toBe(200);

    const reply = await anna.press('verantwoording.time.save', { ...actionData(card, 'verantwoording.time.save'), hours: String(shown) }, 'time-card');
    // Nothing stored: the tab's correction stands.
    expect((await week()).hours).toBe(6.5);
    // The card says why, shows the stored figure, and keeps what she typed in the field.
    expect(cardText(reply)).toContain('intussen ergens anders gewijzigd');
    expect(cardText(reply)).toContain('Nu bewaard:');
    expect(cardText(reply)).toContain('6,5 uur');
    expect(inputValue(reply, 'hours')).toBe(shown);

    // Having seen both, saving again is her choice: her figure is stored.
    await anna.press('verantwoording.time.save', { ...actionData(reply, 'verantwoording.time.save'), hours: String(shown) }, 'time-card');
    expect((await week()).hours).toBe(shown);
  });

  it('answers the tab with 409 and the stored hours when the chat corrected the week after the tab read it', async () => {
    const tabRead = await week();
    const card = await openCard(tabRead);
    await anna.press('verantwoording.time.save', { ...actionData(card, 'verantwoording.time.save'), hours: '3' }, 'time-card');

    const res = await api('PUT', '/time', { groupId: tabRead.groupId, cycleId: tabRead.cycleId, hours: 5, rev: tabRead.timeRev });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: 'conflict', time: expect.objectContaining({ cycleId: tabRead.cycleId, hours: 3, rev: tabRead.timeRev + 1 }) });
    expect((await week()).hours).toBe(3);
    // Saved again on the revision the 409 named: hers wins.
    const again = await api('PUT', '/time', { groupId: tabRead.groupId, cycleId: tabRead.cycleId, hours: 5, rev: res.json.time.rev });
    expect(again.status).toBe(200);
    expect((await week()).hours).toBe(5);
  });

  it('refuses a card from before revisions (no rev in its data) over a figure of her own, and shows both', async () => {
    const w = await week();
    const oldCardData = { groupId: w.groupId, cycleId: w.cycleId, hours: '2' };
    const reply = await anna.press('verantwoording.time.save', oldCardData, 'old-time-card');
    expect(cardText(reply)).toContain('intussen ergens anders gewijzigd');
    expect(cardText(reply)).toContain('5 uur');
    expect(inputValue(reply, 'hours')).toBe(2);
    expect((await week()).hours).toBe(5);
    // The card that came back names the revision: one more press keeps her figure.
    expect(actionData(reply, 'verantwoording.time.save')).toEqual({ groupId: w.groupId, cycleId: w.cycleId, rev: w.timeRev });
    await anna.press('verantwoording.time.save', { ...actionData(reply, 'verantwoording.time.save'), hours: '2' }, 'old-time-card');
    expect((await week()).hours).toBe(2);
  });

  it('takes the same save delivered twice as one save, not as a conflict', async () => {
    const w = await week();
    const data = { ...actionData(await openCard(w), 'verantwoording.time.save'), hours: '7.5' };
    await anna.press('verantwoording.time.save', data, 'time-card');
    const second = await anna.press('verantwoording.time.save', data, 'time-card');
    expect(cardText(second)).not.toContain('intussen ergens anders gewijzigd');
    expect(await storedRecord(w.cycleId)).toMatchObject({ hours: 7.5, rev: w.timeRev + 1 });
  });

  it('reads a record stored before revisions as revision 1: its card saves, an older view is refused', async () => {
    const w = await week();
    const { _etag, _rid, _self, _ts, _attachments, rev: _rev, ...legacy } = await storedRecord(w.cycleId);
    expect(legacy.id).toBe(timeUsedId('aad-anna', w.cycleId));
    await t.store.container('personal').items.upsert({ ...legacy, hours: 4 });
    expect(await week()).toMatchObject({ hours: 4, timeRev: 1 });

    // A tab that read the week as attended (revision 0) does not overwrite her figure.
    expect((await api('PUT', '/time', { groupId: w.groupId, cycleId: w.cycleId, hours: 1, rev: 0 })).status).toBe(409);
    // The card opened now carries revision 1, and saves.
    const card = await openCard(await week());
    expect(actionData(card, 'verantwoording.time.save')).toEqual({ groupId: w.groupId, cycleId: w.cycleId, rev: 1 });
    await anna.press('verantwoording.time.save', { ...actionData(card, 'verantwoording.time.save'), hours: '4.5' }, 'time-card');
    expect(await storedRecord(w.cycleId)).toMatchObject({ hours: 4.5, rev: 2 });
  });
});

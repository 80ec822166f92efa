/**
 * Found in review, stop 60 (fixed then: an answer press that finds another answer stored since it read the record yields to it, and its card shows the answer that stands beside its own words).
 *
 * Two instances of the app on one store. Anna puts her group's adapted proposal before Mia (README
 * "A member puts an adopted proposal before their own manager"); the press reaches both instances
 * at once, and Mia's answer does too; then Mia answers on two devices at once, each served by
 * another instance. The promises: one record and one card per press, one notice per answer press,
 * what Anna is told last is the answer that stands, and each device shows that answer (the device
 * whose answer did not stand said "sent" of words Anna never read). A press delivered again after
 * a later answer shows its own words as replaced, never the other answer under "sent"; and the
 * answer turn asks Cosmos DB no more than before.
 */
import { execute, TestUser } from '../support/activities';
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';
import { anna, MANAGER_CARD, mia, NOTICE, startPutBeforeApp } from './support/put-before-world';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

describe('a proposal put before the manager, on two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let group: { groupId: string; proposalId: string };
  beforeAll(async () => {
    ({ t: a, group } = await startPutBeforeApp('19:two-instances-ptm@thread.v2'));
    b = await startTestApp({ DIRECTORY_FILE: directoryFile(['anna', 'bram', 'cem'].map((n) => ({ id: `aad-${n}`, name: n[0]!.toUpperCase() + n.slice(1), managerId: 'aad-mia' })).concat([{ id: 'aad-mia', name: 'Mia' } as any])) }, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, sharedCardIntervalMs: 0 });
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const chat = (t: TestApp, who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const send = async (t: TestApp, who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(t, who), who, verb, data, 'card-1', activityId))).body.value;
  // Cards to a person's 1:1 chat posted by either instance (the chat id the first instance opened; the other finds it stored).
  const cardsTo = (aadId: string, kind: RegExp) =>
    [a, b].flatMap((t) => t.connector.cards((c) => c.conversationId === (a.connector.personalChats.get(aadId) ?? b.connector.personalChats.get(aadId))).map((c) => c.card)).filter((card) => kind.test(cardText(card)));
  const records = async (userId: string): Promise<any[]> =>
    (await a.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'" }, { partitionKey: userId }).fetchAll()).resources;
  const drain = async () => {
    await Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]);
    await Promise.all([a.app.outbox.drain(60_000), b.app.outbox.drain(60_000)]);
  };
  let managerCard: any;

  it('the send press delivered to both instances at once: one record, one card for Mia, both told it was sent', async () => {
    const form = await send(a, anna, 'review.proposalToManager.open', group);
    const data = { ...buttonData(form, 'review.proposalToManager.send'), words: 'Graag jouw steun, twee instanties' };
    const replies = await Promise.all([send(a, anna, 'review.proposalToManager.send', data, 'anna-both'), send(b, anna, 'review.proposalToManager.send', data, 'anna-both')]);
    await drain();
    const cards = cardsTo('aad-mia', MANAGER_CARD);
    managerCard = cards[0];
    expect({ told: replies.map((r) => cardText(r).includes('Je hebt dit voorstel voorgelegd')), records: (await records('aad-anna')).length, cards: cards.length }).toEqual({ told: [true, true], records: 1, cards: 1 });
  }, 90_000);

  it("Mia's answer delivered to both instances at once: stored once, one notice for Anna", async () => {
    const data = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Ja, vrijdag bespreken.' };
    await Promise.all([send(a, mia, 'review.proposalToManager.answer', data, 'mia-both'), send(b, mia, 'review.proposalToManager.answer', data, 'mia-both')]);
    await drain();
    const [record] = await records('aad-anna');
    expect({ answer: record.answer?.text, keys: record.answerKeys?.length, notices: cardsTo('aad-anna', NOTICE).length }).toEqual({ answer: 'Ja, vrijdag bespreken.', keys: 1, notices: 1 });
  }, 90_000);

  it('Mia answers on two devices at once (other words, each on another instance): Anna is told last the answer that stands, and each device shows it', async () => {
    const before = cardsTo('aad-anna', NOTICE).length;
    const base = buttonData(managerCard, 'review.proposalToManager.answer');
    const [laptop, phone] = await Promise.all([
      send(a, mia, 'review.proposalToManager.answer', { ...base, answer: 'LAPTOP: dinsdag.' }, 'mia-laptop'),
      send(b, mia, 'review.proposalToManager.answer', { ...base, answer: 'TELEFOON: woensdag.' }, 'mia-phone'),
    ]);
    await drain();
    const [record] = await records('aad-anna');
    const notices = cardsTo('aad-anna', NOTICE).slice(before).map(cardText);
    const stands = record.answer?.text as string;
    expect({
      notices: notices.length >= 1 && notices.length <= 2,
      lastNoticeCarriesStanding: !!notices.at(-1)?.includes(stands),
      noticeOfNeither: notices.filter((n) => !n.includes('LAPTOP') && !n.includes('TELEFOON')).length,
      devicesShowStanding: [laptop, phone].map((c) => cardText(c).includes(stands)),
    }).toEqual({ notices: true, lastNoticeCarriesStanding: true, noticeOfNeither: 0, devicesShowStanding: [true, true] });
  }, 90_000);
  // The answers of the two devices, and which one stands (whichever wrote first; the test holds for either).
  const devices = { laptop: 'LAPTOP: dinsdag.', phone: 'TELEFOON: woensdag.' };
  const standing = async () => (await records('aad-anna'))[0].answer?.text as string;
  const otherThan = (text: string) => (text === devices.laptop ? devices.phone : devices.laptop);
  const pressOf = (text: string) => (text === devices.laptop ? { t: a, id: 'mia-laptop' } : { t: b, id: 'mia-phone' });

  it('the press that did not stand, delivered again: nothing stored or told, and it shows the answer that stands beside its own words', async () => {
    const stands = await standing();
    const yielded = otherThan(stands);
    const before = { notices: cardsTo('aad-anna', NOTICE).length, record: await records('aad-anna') };
    const again = pressOf(yielded);
    const card = cardText(await send(again.t, mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: yielded }, again.id));
    await drain();
    expect({ stands: await standing(), answerKeys: (await records('aad-anna'))[0].answerKeys, notices: cardsTo('aad-anna', NOTICE).length, card: { sent: card.includes('Your answer was sent.'), replaced: card.includes('You also gave another answer'), own: card.includes(yielded), standing: card.includes(stands) } }).toEqual({
      stands,
      answerKeys: before.record[0].answerKeys,
      notices: before.notices,
      card: { sent: false, replaced: true, own: true, standing: true },
    });
  }, 90_000);

  // The press's own requests: everything up to its queueing create in the outbox (the outbox's
  // sender, which renders the notice after the turn, is not the press's cost), without the SDK's metadata.
  const pressPath = (seen: SeenCosmosRequest[]) => {
    const own = seen.filter((r) => r.kind !== 'metadata' && (r.container !== 'outbox' || r.kind === 'create'));
    const queued = own.findIndex((r) => r.container === 'outbox');
    return own.slice(0, queued + 1);
  };

  it('a later answer, then the press that stood delivered again: that one shows its words as replaced, never the later answer under "sent"; the answer turn asks no more of Cosmos DB than before', async () => {
    const earlier = await standing();
    await drain();
    a.proxy!.reset();
    const later = cardText(await send(a, mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'LATER: donderdag.' }, 'mia-later'));
    const path = pressPath(a.proxy!.seen);
    await drain();
    const again = pressOf(earlier);
    const card = cardText(await send(again.t, mia, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: earlier }, again.id));
    await drain();
    expect({
      later: later.includes('Your answer was sent.') && later.includes('LATER: donderdag.'),
      // Three point reads (Mia's language, the record, the update's read), one replace, one queueing create: as before the fix.
      reads: path.filter((r) => r.kind === 'pointRead').length <= 3,
      writes: path.filter((r) => r.kind !== 'pointRead').map((r) => `${r.kind} ${r.container}`),
      stands: await standing(),
      card: { sent: card.includes('Your answer was sent.'), replaced: card.includes('You also gave another answer'), own: card.includes(earlier), standing: card.includes('LATER: donderdag.') },
    }).toEqual({ later: true, reads: true, writes: ['replace personal', 'create outbox'], stands: 'LATER: donderdag.', card: { sent: false, replaced: true, own: true, standing: true } });
  }, 90_000);
});

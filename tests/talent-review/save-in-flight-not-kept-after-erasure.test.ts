/**
 * Stop 55 (the left-out "From stop 54"): the talent-review records a person creates in their own
 * partition were checked once (`refuseWhileErasing`) before their write. A write the store was slow
 * to take (throttled, retried) landed after the person's erasure, confirmed elsewhere, had run to
 * its end and said "Je gegevens zijn gewist", and stayed: a manager's account to their team (their
 * words), a request for a talentontwikkelgesprek (the manager's id, the message), the prep card's
 * team choice, a planned conversation (the report's name, the manager's chat).
 * Each case: the press passed its check and its create is held at the Cosmos proxy
 * (cosmos-gate.ts); meanwhile the erasure is confirmed in the person's chat and runs to its end;
 * then the held create lands. The promise: once "gewist" is said nothing of theirs is stored, and
 * the late press is not answered as saved or sent; the form keeps what they entered and says why.
 * Now each of those creates keeps to the save window (save-window.ts, `openSaveWindow`).
 */
import type { IncomingMessage } from 'node:http';
import { execute, message, TestUser } from '../support/activities';
import { buttonData, textInput } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { PulseDriver, team } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { actionData, eraseInChat, PersonalChat } from '../verantwoording/support';
import { personalChat, pressIn } from './support/proposal-put-before';
import { anna, bram, jobsNaming as jobsOf, mia, startErasureRaceApp } from './support/erasure-race';

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';
/** A plain create (not a query, an upsert or a batch) of a document in this container. */
const createIn = (container: string) => (req: IncomingMessage) =>
  req.method === 'POST' &&
  new RegExp(`/colls/${container}/docs/?$`).test((req.url ?? '').split('?')[0]!) &&
  !header(req, 'x-ms-documentdb-isquery') &&
  !header(req, 'x-ms-cosmos-is-query-plan-request') &&
  !header(req, 'x-ms-documentdb-is-upsert') &&
  !header(req, 'x-ms-cosmos-is-batch-request');

describe('a talent-review save in flight across the person\'s erasure', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  const own = async (who: TestUser, container: 'personal' | 'reviews' = 'personal', field = 'userId') =>
    (await t.store.container(container).items.query({ query: `SELECT c.type FROM c WHERE c.${field} = @u`, parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map((d: { type: string }) => d.type);
  const jobsNaming = (words: string) => jobsOf(t, words);

  beforeAll(async () => {
    ({ t, gate } = await startErasureRaceApp());
  }, 120_000);
  afterAll(() => t?.stop());

  it('a team account whose record lands after the chat said "gewist" is not kept, and no card goes', async () => {
    const words = 'LAAT-OPGESLAGEN: een uur per week vrijgemaakt';
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const held = gate.hold(createIn('personal'));
    const send = pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(form, 'review.teamAccount.send'), text: words });
    await held.arrived;
    await eraseInChat(t, mia);
    expect(await own(mia)).toEqual([]);
    held.release();
    const answer = await send;
    expect({ sent: cardText(answer).includes('Verantwoording verstuurd'), left: await own(mia) }).toEqual({ sent: false, left: [] });
    // Her words back in the field, with the reason, to send again.
    expect(textInput(answer, 'text')?.value).toBe(words);
    expect(cardText(answer)).toContain('Het opslaan duurde te lang');
    expect(await jobsNaming(words)).toEqual([]);
    await t.app.outbox.drain(60_000);
    expect(JSON.stringify(t.connector.cards(() => true))).not.toContain(words);
  }, 120_000);

  it('a request for a conversation whose record lands after the chat said "gewist" is not kept', async () => {
    const words = 'LAAT-OPGESLAGEN: graag een gesprek over mijn ontwikkeling';
    await t.send(message(personalChat(t, anna), anna, 'gesprek aanvragen'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)?.card;
    const held = gate.hold(createIn('personal'));
    const send = pressIn(t, anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: words });
    await held.arrived;
    await eraseInChat(t, anna);
    expect(await own(anna)).toEqual([]);
    held.release();
    const answer = await send;
    expect({ sent: /verstuurd/i.test(cardText(answer)) && !/niet verstuurd|lukte nu niet/i.test(cardText(answer)), left: await own(anna) }).toEqual({ sent: false, left: [] });
    // Her message back, with the same press key: the card may have been queued, so pressed again nothing goes twice.
    expect(textInput(answer, 'text')?.value).toBe(words);
    expect(cardText(answer)).toContain('Versturen lukte nu niet');
    expect(await jobsNaming(words)).toEqual([]);
  }, 120_000);

  it('the prep card\'s team choice whose record lands after the chat said "gewist" is not kept', async () => {
    const pulse = new PulseDriver(t);
    await pulse.install(team('Zorgteam Noord', 'noord', [bram, mia]));
    await pulse.install(team('Ondernemingsraad', 'or', [bram]));
    const chat = new PersonalChat(t, bram);
    const preview = (await chat.say('wat ziet mijn leidinggevende')).cards[0];
    const data = actionData(preview, 'review.prepTeams.save')!;
    expect(data).toBeDefined();
    const teams = data.teams as { id: string; was: boolean }[];
    // Every team's toggle the other way than it was: a choice to store.
    const toggles = Object.fromEntries(teams.map((tm, i) => [`prepTeam${i}`, String(!tm.was)]));
    const held = gate.hold(createIn('personal'));
    const save = chat.press('review.prepTeams.save', { ...data, ...toggles });
    await held.arrived;
    await eraseInChat(t, bram);
    expect(await own(bram)).toEqual([]);
    held.release();
    const answer = await save;
    expect({ saved: cardText(answer).includes('Je keuze is bewaard'), left: await own(bram) }).toEqual({ saved: false, left: [] });
    expect(cardText(answer)).toContain('Het opslaan duurde te lang');
  }, 120_000);

  it('a conversation planned whose record lands after the manager\'s chat said "gewist" is not kept', async () => {
    const miaHeld = gate.hold(createIn('reviews'));
    const miaPlan = t.send(execute(personalChat(t, mia), mia, 'review.plan.save', { reportId: bram.aadObjectId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await miaHeld.arrived;
    await eraseInChat(t, mia);
    expect(await own(mia, 'reviews', 'managerId')).toEqual([]);
    miaHeld.release();
    const answer = (await miaPlan).body.value;
    expect({ planned: /gepland/i.test(cardText(answer)) && !/niet gepland/i.test(cardText(answer)), left: await own(mia, 'reviews', 'managerId') }).toEqual({ planned: false, left: [] });
    expect(cardText(answer)).toContain('Het opslaan duurde te lang');
    // Nor a prep job naming her plan.
    expect((await t.store.container('jobs').items.query({ query: 'SELECT c.id FROM c WHERE CONTAINS(ToString(c), @m)', parameters: [{ name: '@m', value: mia.aadObjectId }] }).fetchAll()).resources).toEqual([]);
  }, 120_000);
});

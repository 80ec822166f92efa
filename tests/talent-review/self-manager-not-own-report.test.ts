/**
 * Found in review, stop 51: the directory names Anna her own manager (an HR data error) and Bram
 * and Cem each other's. Stop 50 made planning a conversation with oneself impossible
 * (planReview refuses it). Does the rest of the half-yearly rhythm agree: the plan form, and the
 * December nudge to managers "1 of your reports has no conversation planned"? And the scheduled
 * prep cards of Bram and Cem: each once, about the other, never about themselves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [hanna, anna, bram, cem] = [user('Hanna'), user('Anna'), user('Bram'), user('Cem')];
const MANAGER_TITLE = 'Plan de talentontwikkelgesprekken van dit halfjaar';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-anna' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-cem' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-bram' },
    { id: 'aad-hanna', name: 'Hanna' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

function choices(card: any, id: string): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.id === id && Array.isArray(node.choices)) out.push(...node.choices.map((c: any) => c.value));
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

/** The reports an overview offers to plan a conversation with (its "Nog geen gesprek gepland" buttons). */
function toPlanWith(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute' && node.verb === 'review.plan.open' && node.data?.reportId) out.push(node.data.reportId);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

describe('self-as-manager through the half-yearly rhythm', () => {
  let t: TestApp;
  const cardsTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card);
  const titled = (aadId: string, title: string) => cardsTo(aadId).filter((c) => cardText(c).includes(title));

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', DIRECTORY_FILE: directoryFile() }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('the plan form does not offer Anna herself as a report to plan a conversation with', async () => {
    const form = await new PersonalChat(t, anna).press('review.plan.open', {});
    expect(choices(form, 'reportId')).not.toContain('aad-anna');
  }, 60_000);

  it('the overview of her conversations does not list Anna among her reports without one; Cem\'s lists Bram', async () => {
    const mine = (await new PersonalChat(t, anna).say('gesprekken')).cards[0];
    expect(cardText(mine)).not.toContain('Nog geen gesprek gepland');
    expect(toPlanWith(mine)).toEqual([]);
    const cems = (await new PersonalChat(t, cem).say('gesprekken')).cards[0];
    expect(toPlanWith(cems)).toEqual(['aad-bram']);
  }, 60_000);

  it('December: Anna is not nudged to plan a conversation with herself; Bram and Cem (each planned) are not nudged', async () => {
    const hr = new PersonalChat(t, hanna);
    const form = (await hr.say('jaarplan')).cards[0];
    await hr.press('jaarplan.save', { ...actionData(form, 'jaarplan.save'), weekCycles: '', learningHours: '', proposalsValidated: '', firstMoment: '6', secondMoment: '12' });
    const planFor = async (manager: typeof bram, reportId: string, date: string) => {
      const chat = t.conversation('personal', `a:personal-${manager.name.toLowerCase()}`);
      await t.send(execute(chat, manager, 'review.plan.save', { reportId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-${reportId}`));
    };
    await planFor(bram, 'aad-cem', '2026-12-10');
    await planFor(cem, 'aad-bram', '2026-12-11');
    await planFor(anna, 'aad-anna', '2026-12-14'); // refused: no review about herself
    t.clock.set('2026-12-01T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(titled('aad-bram', MANAGER_TITLE)).toEqual([]);
    expect(titled('aad-cem', MANAGER_TITLE)).toEqual([]);
    // Anna's "report without a conversation" is herself: a nudge she can never act on (the plan is refused).
    expect(titled('aad-anna', MANAGER_TITLE).map(cardText)).toEqual([]);
  }, 90_000);

  it('the prep day: Bram gets one prep card about Cem, Cem one about Bram, nobody one about themselves, and a rerun sends nothing again', async () => {
    t.clock.set('2026-12-08T08:30:00Z');
    await t.app.scheduler.runDue();
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    // A scheduled prep card goes to the chat the conversation was planned from (or the manager's own 1:1 chat).
    const prep = (id: string) => [...new Set([t.connector.personalChats.get(id), `a:personal-${id.slice(4)}`])]
      .flatMap((conv) => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === conv).map((c) => cardText(c.activity.attachments?.[0]?.content)))
      .filter((x) => x.includes('Voorbereiding: talentontwikkelgesprek met'));
    expect(prep('aad-bram').map((x) => x.match(/talentontwikkelgesprek met (\w+)/)?.[1])).toEqual(['Cem']);
    expect(prep('aad-cem').map((x) => x.match(/talentontwikkelgesprek met (\w+)/)?.[1])).toEqual(['Bram']);
    expect(prep('aad-anna')).toEqual([]);
  }, 90_000);
});

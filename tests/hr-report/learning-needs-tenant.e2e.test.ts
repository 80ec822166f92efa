import { batchIdOf, LearningNeedBatch, LearningNeedPassOn, passOnId } from '../../src/domain/learning-needs/learning-need';
import { personalAnswerId, writePersonalAnswer } from '../../src/domain/personal/personal-answer';
import { Mutate } from '../../src/domain/week-cycle/ports';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosLearningNeedStore } from '../../src/store/learning-needs.repository';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { handOverLearningNeeds, LearningNeedDeps, passOnLearningNeed } from '../../src/usecases/learning-needs/learning-needs';
import { TestUser, user } from '../support/activities';
import { startTestCosmos, storedText } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCard } from '../support/hr-report';
import { groupWithQuestion9, passOn } from '../learning-needs/support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test


/** The same from Mijn verantwoording in the tab, whose caller names no tenant: the answer's group does. */
async function passOnInTab(g: GroupDriver, who: TestUser, theme: string, text: string): Promise<void> {
  await g.press(who, 'session.personal', { ...g.ids(), questionId: 9, text: `Antwoord van ${who.name}` });
  const signIn = await fetch(`${g.t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who.aadObjectId }) });
  const { token } = await signIn.json();
  const answerId = personalAnswerId(who.aadObjectId, g.sessionId, 9);
  const res = await fetch(`${g.t.app.url}/api/verantwoording/learning-needs/${answerId}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ theme, text }) });
  expect(res.status).toBe(200);
}

/** A pending pass-on as stored before pass-ons recorded a tenant: no `tenantId`, its answer in a group the store no longer knows. */
async function seedLegacyPassOn(t: TestApp, userId: string, theme: string, text: string): Promise<void> {
  const answer = writePersonalAnswer({ userId, groupId: 'g-van-vroeger', cycleId: 'g-van-vroeger_w1', sessionId: 'g-van-vroeger_w1_s4', questionId: 9, text: 'Een antwoord van vroeger', updatedAt: '2026-11-19T08:00:00.000Z' });
  await t.store.container('personal').items.create(answer);
  await t.store.container('personal').items.create({ id: passOnId(userId, answer.id), type: 'learningNeedPassOn', userId, answerId: answer.id, status: 'pending', theme, text });
}

/** A batch as handed over before batches recorded a tenant (a week earlier, three people). */
async function seedLegacyBatch(t: TestApp, texts: string[]): Promise<void> {
  await t.store.container('learningNeeds').items.create({ id: 'lnb_2026-W48', type: 'learningNeedBatch', week: '2026-W48', weekStart: '2026-11-23', people: 3, needs: 3, themes: { vitaliteit: { people: 3, needs: 3, texts } } });
}

const all = async (t: TestApp, container: 'personal' | 'learningNeeds', query: string): Promise<Doc[]> => (await t.store.container(container).items.query(query).fetchAll()).resources;
const passOns = (t: TestApp) => all(t, 'personal', "SELECT * FROM c WHERE c.type = 'learningNeedPassOn'");
const batches = (t: TestApp) => all(t, 'learningNeeds', 'SELECT * FROM c');

/** The HR report's card as HR asks for it in their own tenant's channel. */
async function reportText(t: TestApp, hr: TestUser, tenantId: string): Promise<string> {
  return cardText(await reportCard(t, { ...t.conversation('channel', `19:hr-${tenantId}@thread.tacv2`), tenantId }, hr, 'rapport 2026-11-01 2026-12-31'));
}

/** Schedules a handover now, as a rerun of an interrupted one would be, and runs it. */
async function handOverAgain(t: TestApp): Promise<void> {
  await t.app.scheduler.schedule({ id: 'learningNeeds.handover:again', kind: 'learningNeeds.handover', dueAt: t.clock.now().toISOString(), payload: {} });
  await t.app.scheduler.runDue();
}

const TEXTS = {
  'tenant-1': ['Een: afspraken tussen diensten', 'Een: feedback geven', 'Een: overleggen'],
  'tenant-2': ['Twee: Excel-macro\'s', 'Twee: dashboards lezen', 'Twee: Teams beter gebruiken'],
  'tenant-3': ['Drie: stagiairs begeleiden', 'Drie: buddy zijn'],
  'tenant-4': ['Vier: intervisie leiden', 'Vier: mentor zijn'],
  legacyPending: ['Oud: rust nemen', 'Oud: grenzen stellen', 'Oud: pauzes'],
  legacyBatch: ['Oude overdracht: slapen', 'Oude overdracht: sporten', 'Oude overdracht: wandelen'],
} as const;
const EVERY_TEXT = Object.values(TEXTS).flat();
const others = (own: readonly string[]) => EVERY_TEXT.filter((x) => !own.includes(x));

/**
 * One deployment may serve several organisations (ALLOWED_TENANT_IDS). Learning needs passed on
 * to L&O are themes and a member's own words: each organisation's HR may see only the needs of its
 * own people, handed over only once that organisation alone has enough people to hide them among.
 */
describe('learning needs in the HR report, per tenant', () => {
  let t: TestApp;
  const hr = { 'tenant-1': user('Hanna'), 'tenant-2': user('Piet'), 'tenant-3': user('Ria'), 'tenant-4': user('Sem') };
  const members = {
    'tenant-1': ['Anna', 'Bram', 'Cem'].map(user),
    'tenant-2': ['Dewi', 'Eva', 'Finn'].map(user),
    'tenant-3': ['Gijs', 'Hugo', 'Ilse'].map(user),
    'tenant-4': ['Joost', 'Karin', 'Lotte'].map(user),
  };
  let recorded: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet,aad-ria,aad-sem', ALLOWED_TENANT_IDS: 'tenant-1,tenant-2,tenant-3,tenant-4', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    // tenant-1 and tenant-2: three people each, enough on their own.
    const one = await groupWithQuestion9(t, 'tenant-1', members['tenant-1']);
    for (const [i, who] of members['tenant-1'].entries()) await passOn(one, who, 'samenwerken', TEXTS['tenant-1'][i]!);
    const two = await groupWithQuestion9(t, 'tenant-2', members['tenant-2']);
    for (const [i, who] of members['tenant-2'].entries()) await (who.name === 'Eva' ? passOnInTab : passOn)(two, who, 'digitaal', TEXTS['tenant-2'][i]!);
    // tenant-3 and tenant-4: two people each; together four, over the minimum, each alone under it.
    for (const tenant of ['tenant-3', 'tenant-4'] as const) {
      const g = await groupWithQuestion9(t, tenant, members[tenant]);
      for (const [i, who] of members[tenant].slice(0, 2).entries()) await passOn(g, who, 'coachen', TEXTS[tenant][i]!);
    }
    recorded = Object.fromEntries((await passOns(t)).map((p) => [p.userId, p.tenantId]));
    // Data from before pass-ons and batches named a tenant: Finn's pass-on loses its tenant (its
    // answer's group still names tenant-2), three more wait whose group is gone, one old batch.
    const [finn] = (await passOns(t)).filter((p) => p.userId === 'aad-finn');
    const { tenantId: _dropped, ...legacy } = finn!;
    await t.store.container('personal').item(finn!.id, finn!.userId).replace(legacy);
    for (const [i, text] of TEXTS.legacyPending.entries()) await seedLegacyPassOn(t, `aad-oud-${i + 1}`, 'vitaliteit', text);
    await seedLegacyBatch(t, [...TEXTS.legacyBatch]);
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.scheduler.runDue();
  }, 180_000);
  afterAll(() => t.stop());

  it('records the tenant each learning need was passed on in (from the tab: its group\'s)', () => {
    const expected = Object.fromEntries(
      (Object.entries(members) as [string, TestUser[]][]).flatMap(([tenant, people]) => people.slice(0, tenant === 'tenant-3' || tenant === 'tenant-4' ? 2 : 3).map((p) => [p.aadObjectId, tenant])),
    );
    expect(recorded).toEqual(expected);
  });

  it('hands over one batch per tenant that alone has enough people, recording the tenant and naming nobody', async () => {
    const made = (await batches(t)).filter((b) => b.id !== 'lnb_2026-W48');
    expect(made.map((b) => [b.tenantId, b.week, b.people, b.needs]).sort()).toEqual([
      ['tenant-1', '2026-W49', 3, 3],
      ['tenant-2', '2026-W49', 3, 3], // Finn's pass-on without a tenant went with its group's tenant
    ]);
    const of = (tenant: string) => made.find((b) => b.tenantId === tenant)!;
    expect(of('tenant-1').themes).toEqual({ samenwerken: { needs: 3, texts: [...TEXTS['tenant-1']].sort() } });
    expect(of('tenant-2').themes).toEqual({ digitaal: { needs: 3, texts: [...TEXTS['tenant-2']].sort() } });
    expect(of('tenant-1').id).not.toBe(of('tenant-2').id);
    expect(storedText(made)).not.toMatch(/aad-|29:|Anna|Bram|Cem|Dewi|Eva|Finn|T\d\d:\d\d/);
  });

  it('lets a tenant under the minimum wait, though another tenant is over it and two together would be', async () => {
    const waiting = (await passOns(t)).filter((p) => p.status === 'pending');
    const byUser = Object.fromEntries(waiting.map((p) => [p.userId, [p.tenantId, p.text]]));
    expect(byUser).toEqual({
      'aad-gijs': ['tenant-3', TEXTS['tenant-3'][0]],
      'aad-hugo': ['tenant-3', TEXTS['tenant-3'][1]],
      'aad-joost': ['tenant-4', TEXTS['tenant-4'][0]],
      'aad-karin': ['tenant-4', TEXTS['tenant-4'][1]],
      // Legacy pass-ons nobody can place in a tenant wait, with their owners (who may withdraw them).
      'aad-oud-1': [undefined, TEXTS.legacyPending[0]],
      'aad-oud-2': [undefined, TEXTS.legacyPending[1]],
      'aad-oud-3': [undefined, TEXTS.legacyPending[2]],
    });
    expect(JSON.stringify(await batches(t))).not.toMatch(/Drie:|Vier:|Oud:/);
  });

  it('shows each HR only their own tenant\'s learning needs', async () => {
    for (const tenant of ['tenant-1', 'tenant-2'] as const) {
      const text = await reportText(t, hr[tenant], tenant);
      expect(text).toContain('Leerbehoeften, anoniem doorgegeven aan L&O');
      for (const own of TEXTS[tenant]) expect(text).toContain(own);
      for (const foreign of others(TEXTS[tenant])) expect(text).not.toContain(foreign);
    }
  });

  it('shows the HR of a tenant whose needs wait nothing at all, nor a batch from before tenants were recorded', async () => {
    for (const tenant of ['tenant-3', 'tenant-4'] as const) {
      const text = await reportText(t, hr[tenant], tenant);
      expect(text).toContain('Nog niets overgedragen in deze periode.');
      for (const any of EVERY_TEXT) expect(text).not.toContain(any);
    }
  });

  it('finishes the same batches when the handover runs again in the same week', async () => {
    const before = (await batches(t)).map((b) => b.id).sort();
    await handOverAgain(t);
    expect((await batches(t)).map((b) => b.id).sort()).toEqual(before);
    expect(before).toContain(batchIdOf('2026-W49', 'tenant-1'));
    expect(before).toContain(batchIdOf('2026-W49', 'tenant-2'));
    expect((await passOns(t)).filter((p) => p.status === 'pending')).toHaveLength(7);
  });
});

/**
 * An installation that allows exactly one tenant served only that tenant: what was stored before
 * pass-ons and batches named a tenant is that tenant's.
 */
describe('learning needs from before tenants were recorded, with one allowed tenant', () => {
  let t: TestApp;
  const hanna = user('Hanna');
  const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    const g = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    await passOn(g, anna, 'vitaliteit', 'Nieuw: ontspannen');
    // Two legacy pass-ons: with Anna's, three people of the one tenant.
    for (const [i, text] of TEXTS.legacyPending.slice(0, 2).entries()) await seedLegacyPassOn(t, `aad-oud-${i + 1}`, 'vitaliteit', text);
    await seedLegacyBatch(t, [...TEXTS.legacyBatch]);
    t.clock.set('2026-11-30T01:00:00Z');
    await t.app.scheduler.runDue();
  }, 120_000);
  afterAll(() => t.stop());

  it('hands legacy pending pass-ons over with the one tenant\'s', async () => {
    const made = (await batches(t)).filter((b) => b.id !== 'lnb_2026-W48');
    expect(made.map((b) => [b.id, b.tenantId, b.people])).toEqual([[batchIdOf('2026-W49', 'tenant-1'), 'tenant-1', 3]]);
    expect(made[0]!.themes.vitaliteit.texts).toEqual(['Nieuw: ontspannen', ...TEXTS.legacyPending.slice(0, 2)].sort());
    expect((await passOns(t)).map((p) => p.status)).toEqual(['handedOver', 'handedOver', 'handedOver']);
  });

  it('shows the one tenant\'s HR the legacy batch and the new one', async () => {
    const text = await reportText(t, hanna, 'tenant-1');
    for (const x of [...TEXTS.legacyBatch, 'Nieuw: ontspannen', ...TEXTS.legacyPending.slice(0, 2)]) expect(text).toContain(x);
  });
});

/** The real store, stopped at one step for tenant-2 as a crash or a lost connection would: to run the handover again. */
class InterruptibleStore extends CosmosLearningNeedStore {
  stopAt?: 'writingTheBatch' | 'stripping';
  override async createBatch(batch: LearningNeedBatch) {
    if (this.stopAt === 'writingTheBatch' && batch.tenantId === 'tenant-2') throw new Error('interrupted');
    return super.createBatch(batch);
  }
  override async change(p: LearningNeedPassOn, mutate: Mutate<LearningNeedPassOn>) {
    if (this.stopAt === 'stripping' && p.status === 'sealing' && p.tenantId === 'tenant-2') throw new Error('interrupted');
    return super.change(p, mutate);
  }
}

/** The handover's own steps against the test's Cosmos server, the week's job run by hand. */
describe('an interrupted handover, run again', () => {
  let cosmos: CosmosConnection;
  let store: InterruptibleStore;
  let deps: LearningNeedDeps;
  const clock = new FakeClock(new Date('2026-11-26T09:00:00Z'));
  const ONE = ['aad-anna', 'aad-bram', 'aad-cem'];
  const TWO = ['aad-dewi', 'aad-eva', 'aad-finn'];

  async function answer(userId: string, groupId: string, week: number): Promise<string> {
    const a = writePersonalAnswer({ userId, groupId, cycleId: `${groupId}_w${week}`, sessionId: `${groupId}_w${week}_s4`, questionId: 9, text: `Antwoord in week ${week}`, updatedAt: '2026-11-26T08:00:00.000Z' });
    await deps.records.create(a);
    return a.id;
  }
  async function passAll(people: string[], tenantId: string, week: number): Promise<void> {
    for (const userId of people) await passOnLearningNeed(deps, userId, await answer(userId, `g-${tenantId}`, week), { theme: 'samenwerken', text: `Van ${tenantId}` }, tenantId);
  }
  const statuses = async () => Object.fromEntries((await store.listPending()).concat(await store.listSealing()).map((p) => [p.userId, p.status]));
  const batchIds = async () => (await cosmos.container('learningNeeds').items.query('SELECT VALUE c.id FROM c').fetchAll()).resources.sort();

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    store = new InterruptibleStore(cosmos);
    deps = { store, records: new CosmosPersonalRecordRepository(cosmos), clock, minimum: 3, timeZone: 'Europe/Amsterdam', scheduler: { schedule: async () => undefined, cancel: async () => undefined } };
  });
  afterAll(() => cosmos.close());

  it('writes the same batch when it stopped before writing it', async () => {
    await passAll(ONE, 'tenant-1', 1);
    await passAll(TWO, 'tenant-2', 1);
    clock.set('2026-11-30T01:00:00Z');
    store.stopAt = 'writingTheBatch';
    await expect(handOverLearningNeeds(deps)).rejects.toThrow('interrupted');
    expect(await batchIds()).toEqual([batchIdOf('2026-W49', 'tenant-1')]);
    expect(await statuses()).toEqual(Object.fromEntries(TWO.map((u) => [u, 'sealing']))); // held: not withdrawable meanwhile
    store.stopAt = undefined;
    expect(await handOverLearningNeeds(deps)).toEqual([{ tenantId: 'tenant-2', result: 'handedOver', people: 3, needs: 3 }]);
    expect(await batchIds()).toEqual([batchIdOf('2026-W49', 'tenant-1'), batchIdOf('2026-W49', 'tenant-2')].sort());
    expect(await statuses()).toEqual({});
  });

  it('finishes stripping the batch it wrote when it stopped while stripping', async () => {
    await passAll(TWO, 'tenant-2', 2);
    clock.set('2026-12-07T01:00:00Z');
    store.stopAt = 'stripping';
    await expect(handOverLearningNeeds(deps)).rejects.toThrow('interrupted');
    expect(await batchIds()).toContain(batchIdOf('2026-W50', 'tenant-2'));
    store.stopAt = undefined;
    expect(await handOverLearningNeeds(deps)).toEqual([{ tenantId: 'tenant-2', result: 'alreadyDone', people: 3, needs: 3 }]);
    expect(await statuses()).toEqual({});
  });

  it('gives back what a run of the version before tenants held, to go with its group\'s tenant', async () => {
    // The older version sealed three pass-ons under its one batch of the week (`lnb_<week>`) and stopped.
    await cosmos.container('sessions').items.create({ id: 'g-oud', groupId: 'g-oud', type: 'group', tenantId: 'tenant-2' });
    for (const userId of TWO) {
      const answerId = await answer(userId, 'g-oud', 3);
      await cosmos.container('personal').items.create({ id: passOnId(userId, answerId), type: 'learningNeedPassOn', userId, answerId, status: 'sealing', theme: 'coachen', text: 'Van vroeger', batchId: 'lnb_2026-W51' });
    }
    clock.set('2026-12-14T01:00:00Z');
    expect(await handOverLearningNeeds(deps)).toEqual([{ tenantId: 'tenant-2', result: 'handedOver', people: 3, needs: 3 }]);
    const batch = await store.getBatch(batchIdOf('2026-W51', 'tenant-2'));
    expect(batch).toMatchObject({ tenantId: 'tenant-2', themes: { coachen: { needs: 3, texts: ['Van vroeger', 'Van vroeger', 'Van vroeger'] } } });
    expect(await batchIds()).not.toContain('lnb_2026-W51');
    expect(await statuses()).toEqual({});
  });
});

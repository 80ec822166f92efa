import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { CosmosConnection, startEmbeddedCosmos } from '../../src/store/cosmos-connection';
import { containerTtl, RetentionSweeper } from '../../src/store/retention';

const DAY = 86_400_000;
const quiet = createLogger('silent');

/**
 * Every container has a retention rule; Cosmos DB applies it in Azure (Bicep sets the containers'
 * time-to-live) and the app applies the same rule to the embedded store, which has none.
 */
describe('retention', () => {
  const defaults = containerTtl(parseConfig({}).retention);

  it('keeps a group\'s and a person\'s records 24 months, polls 36, sent messages 30 days; pending jobs and installations until done', () => {
    expect(defaults).toEqual({
      sessions: 730 * 86_400,
      personal: 730 * 86_400,
      reviews: 730 * 86_400,
      polls: 1095 * 86_400,
      pollAnswers: 1095 * 86_400,
      learningNeeds: 1095 * 86_400,
      outbox: 30 * 86_400,
      jobs: -1,
      installations: undefined,
      groups: undefined,
      proposals: undefined,
    });
    expect(containerTtl(parseConfig({ RETENTION_GROUP_DAYS: '365' }).retention).sessions).toBe(365 * 86_400);
  });

  it('is the same in Bicep: each container\'s TTL and its default in days', () => {
    const cosmos = readFileSync(join(__dirname, '../../infra/modules/cosmos.bicep'), 'utf8');
    const main = readFileSync(join(__dirname, '../../infra/main.bicep'), 'utf8');
    const blocks = [...cosmos.matchAll(/name: '(\w+)'\s+partitionKey: '[^']+'\s+ttl: (ttlOff|\{[^}]*\})/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(blocks.map(([name]) => name).sort()).toEqual(Object.keys(defaults).sort());
    for (const [name, ttl] of blocks) {
      const rule = defaults[name as keyof typeof defaults];
      if (rule === undefined) expect([name, ttl]).toEqual([name, 'ttlOff']);
      else if (rule === -1) expect([name, ttl.replace(/\s+/g, ' ')]).toEqual([name, '{ defaultTtl: -1 }']);
      else {
        const param = /defaultTtl: (\w+) \* day/.exec(ttl)?.[1];
        const days = Number(new RegExp(`param ${param} int = (\\d+)`).exec(main)?.[1]);
        expect([name, days * 86_400]).toEqual([name, rule]);
      }
    }
  });

  describe('on the embedded store', () => {
    let conn: CosmosConnection;
    beforeAll(async () => {
      conn = await startEmbeddedCosmos(`test-${randomUUID().slice(0, 8)}`);
    });
    afterAll(() => conn.close());

    it('removes what outlived its rule and keeps what must stay', async () => {
      await conn.container('sessions').items.create({ id: 's1', groupId: 'g', type: 'session' });
      await conn.container('personal').items.create({ id: 'n1', userId: 'u', type: 'note' });
      await conn.container('personal').items.create({ id: 'mi', userId: 'u', type: 'membershipIndex', ttl: -1 });
      await conn.container('jobs').items.create({ id: 'pending', kind: 'session.start', status: 'pending' });
      await conn.container('jobs').items.create({ id: 'done', kind: 'session.start', status: 'done', ttl: 7 * 86_400 });
      await conn.container('outbox').items.create({ id: 'sent', type: 'outboxJob', status: 'sent' });
      await conn.container('installations').items.create({ id: 'team', tenantId: 't', type: 'installation' });
      const sweeper = new RetentionSweeper(conn, defaults, quiet);
      const ids = async (name: 'sessions' | 'personal' | 'jobs' | 'outbox' | 'installations') => (await conn.container(name).items.query('SELECT c.id FROM c').fetchAll()).resources.map((d) => d.id).sort();

      expect(await sweeper.sweep(new Date(Date.now() + 10 * DAY))).toEqual({ jobs: 1 });
      expect(await sweeper.sweep(new Date(Date.now() + 100 * DAY))).toEqual({ outbox: 1 });
      expect(await sweeper.sweep(new Date(Date.now() + 731 * DAY))).toEqual({ sessions: 1, personal: 1 });
      expect({ personal: await ids('personal'), jobs: await ids('jobs'), installations: await ids('installations') }).toEqual({ personal: ['mi'], jobs: ['pending'], installations: ['team'] });
    });
  });
});

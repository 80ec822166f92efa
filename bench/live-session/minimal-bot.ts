import { AddressInfo } from 'node:net';
import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '../../src/teams/teams-ai';
import { CosmosConnection } from '../../src/store/cosmos-connection';

/** The floor a card click is measured against. */
export const MINIMAL_VERB = 'bench.save';

interface Counter {
  id: string;
  groupId: string;
  count: number;
}

/**
 * The smallest sensible teams-ai bot on the same kind of store: per Action.Execute, one point
 * read and one ETag replace of a small document (retried on a conflict), and a one-line card
 * back. What a card click cannot be cheaper than.
 */
export async function startMinimalBot(cosmos: CosmosConnection, documents: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const container = cosmos.container('sessions');
  for (const id of documents) await container.items.upsert<Counter>({ id, groupId: id, count: 0 });
  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({ adapter, botAppId: '', removeRecipientMention: false, startTypingTimer: false, longRunningMessages: false, turnStateFactory: () => new TurnState() });
  app.adaptiveCards.actionExecute(MINIMAL_VERB, async (_context, _state, data) => {
    const id = String((data as { groupId?: unknown }).groupId);
    for (;;) {
      const { resource, etag } = await container.item(id, id).read<Counter>();
      try {
        await container.item(id, id).replace({ ...resource!, count: resource!.count + 1 }, { accessCondition: { type: 'IfMatch', condition: etag } });
        break;
      } catch (err) {
        if ((err as { code?: number }).code !== 412) throw err;
      }
    }
    return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Opgeslagen' }] };
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

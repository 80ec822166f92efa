import { Activity, TurnContext } from 'botbuilder';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { createBotApp, EdgeAdapter } from '../../src/teams/bot-app';

function invoke(serviceUrl: string, id: string): Activity {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id,
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:anna', name: 'Anna' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'chat' },
    value: { action: { type: 'Action.Execute', verb: 'none', data: {} } },
  } as Activity;
}

/**
 * botbuilder builds a ConnectorClient and a UserTokenClient for every activity; the adapter keeps
 * them per caller and service URL instead, and a turn still gets the clients for its own URL.
 */
describe('Bot Framework clients across turns', () => {
  let adapter: EdgeAdapter;
  beforeAll(() => {
    adapter = createBotApp(parseConfig({}), createLogger('silent')).adapter;
  });

  async function clientsOf(activity: Activity, audience?: string): Promise<{ connector: unknown; userToken: unknown; baseUri: string }> {
    const auth = await adapter.authenticate(activity, '');
    // Another bot's token (as after a change of app registration): its own clients.
    if (audience) {
      const Identity = auth.claimsIdentity.constructor as new (claims: { type: string; value: string }[], authenticated: boolean) => typeof auth.claimsIdentity;
      auth.claimsIdentity = new Identity([{ type: 'aud', value: audience }, { type: 'appid', value: 'channel' }], true);
    }
    let seen: { connector: unknown; userToken: unknown; baseUri: string } | undefined;
    await adapter.runTurn(auth, activity, async (context: TurnContext) => {
      const connector = context.turnState.get(adapter.ConnectorClientKey) as { baseUri?: string };
      seen = { connector, userToken: context.turnState.get(adapter.UserTokenClientKey), baseUri: String(connector.baseUri) };
    });
    return seen!;
  }

  it('reuses the clients of an earlier turn from the same service', async () => {
    const first = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'a1'));
    const second = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'a2'));
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
  });

  it('gives a token for another bot its own clients', async () => {
    const one = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'c1'), 'bot-one');
    const other = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'c2'), 'bot-two');
    const again = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'c3'), 'bot-one');
    expect(other.connector).not.toBe(one.connector);
    expect(other.userToken).not.toBe(one.userToken);
    expect(again.connector).toBe(one.connector);
  });

  it('gives a turn from another service URL a connector for that URL', async () => {
    const emea = await clientsOf(invoke('https://smba.trafficmanager.net/emea/', 'b1'));
    const amer = await clientsOf(invoke('https://smba.trafficmanager.net/amer/', 'b2'));
    expect(amer.connector).not.toBe(emea.connector);
    expect(amer.baseUri).toContain('/amer');
    expect(emea.baseUri).toContain('/emea');
  });
});

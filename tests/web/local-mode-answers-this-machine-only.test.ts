import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import { localModeHostNames } from '../../src/teams/this-machine-only';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** A request to the app with the Host header of our choosing (fetch always sends the URL's own). */
function call(base: string, host: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const u = new URL(path, base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: { host, ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

const ANNA = '00000000-0000-0000-0000-000000000020';
const message = { type: 'message', id: 'm1', text: 'hallo', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', from: { id: 'user-anna', aadObjectId: ANNA }, recipient: { id: 'bot' }, conversation: { id: 'a:anna', conversationType: 'personal' } };

/**
 * Local mode (no bot authentication, a sign-in that hands out a token for any user) listens on
 * 127.0.0.1, but a web page the developer opens reaches that address too through DNS rebinding:
 * its requests carry the page's own host name. The app answers only requests addressed to this
 * machine's names (as the Agents Playground, the tab and the tests address it), on every route.
 * Found in review, stop 67.
 */
describe('local mode answers only requests addressed to this machine', () => {
  let t: TestApp;
  let port = '';
  beforeAll(async () => {
    t = await startTestApp();
    port = new URL(t.app.url).port;
  });
  afterAll(() => t?.stop());

  it('a rebound host name gets no token, no one\'s export and no turn: 403 on every route', async () => {
    const evil = `rebind.attacker.example:${port}`;
    const token = JSON.parse((await call(t.app.url, '127.0.0.1', 'POST', '/api/dev/sign-in', { userId: ANNA })).text).token as string;
    const answers = {
      signIn: (await call(t.app.url, evil, 'POST', '/api/dev/sign-in', { userId: ANNA }, { origin: `http://${evil}` })).status,
      export: (await call(t.app.url, evil, 'GET', '/api/verantwoording/export', undefined, { authorization: `Bearer ${token}` })).status,
      messages: (await call(t.app.url, evil, 'POST', '/api/messages', message)).status,
      tab: (await call(t.app.url, evil, 'GET', '/tab/index.html')).status,
      healthz: (await call(t.app.url, evil, 'GET', '/healthz')).status,
    };
    expect(answers).toEqual({ signIn: 403, export: 403, messages: 403, tab: 403, healthz: 403 });
  });

  it('names that only look like this machine are refused too', async () => {
    for (const host of [`localhost.attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost@attacker.example:${port}`]) {
      const answer = await call(t.app.url, host, 'POST', '/api/dev/sign-in', { userId: ANNA });
      expect({ host, status: answer.status, token: answer.text.includes('token') }).toEqual({ host, status: 403, token: false });
    }
  });

  it('a request without a Host header (HTTP/1.0) is refused too', async () => {
    const socket = connect(Number(port), '127.0.0.1');
    let raw = '';
    socket.on('data', (d) => (raw += d));
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('end', () => resolve());
      socket.write('GET /healthz HTTP/1.0\r\n\r\n');
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });

  it('addressed as localhost (the Playground, the tab), 127.0.0.1 or [::1], with or without the port, in any case, the sign-in works', async () => {
    for (const host of [`localhost:${port}`, `LocalHost:${port}`, `127.0.0.1:${port}`, '127.0.0.1', `[::1]:${port}`, 'localhost']) {
      const answer = await call(t.app.url, host, 'POST', '/api/dev/sign-in', { userId: ANNA });
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
    }
  });

  it('with bot authentication on, the host name is not checked (App Service and its front ends address the app by theirs)', async () => {
    const bot = await startTestApp({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', MICROSOFT_APP_TYPE: 'UserAssignedMSI' });
    try {
      expect((await call(bot.app.url, `app-lw.azurewebsites.net:${new URL(bot.app.url).port}`, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });

  it('a HOST a developer set is a name too; for the "every interface" addresses, each interface\'s own address is', () => {
    const interfaces = () => ['127.0.0.1', '::1', '192.168.1.20', 'fd00::20', 'FE80::1'];
    const unread = () => {
      throw new Error('the interfaces are read only for a wildcard HOST');
    };
    expect({
      unset: localModeHostNames(undefined, unread),
      lan: localModeHostNames('192.168.1.20', unread),
      ipv6: localModeHostNames('fd00::20', unread),
      everyInterface: [localModeHostNames('0.0.0.0', interfaces), localModeHostNames('::', interfaces)],
      loopback: localModeHostNames('127.0.0.1', unread),
    }).toEqual({
      unset: ['localhost', '127.0.0.1', '[::1]'],
      lan: ['localhost', '127.0.0.1', '[::1]', '192.168.1.20'],
      ipv6: ['localhost', '127.0.0.1', '[::1]', '[fd00::20]'],
      everyInterface: [
        ['localhost', '127.0.0.1', '[::1]', '192.168.1.20', '[fd00::20]', '[fe80::1]'],
        ['localhost', '127.0.0.1', '[::1]', '192.168.1.20', '[fd00::20]', '[fe80::1]'],
      ],
      loopback: ['localhost', '127.0.0.1', '[::1]'],
    });
  });

  it('the refusal names no host the app answers to (a rebinding page reads it as its own origin)', async () => {
    const answer = await call(t.app.url, `rebind.attacker.example:${port}`, 'GET', '/healthz');
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 403, body: { error: 'wrongHost', detail: 'local mode answers only requests addressed to this machine' } });
  });
});

/**
 * README, HOST: local mode "is reachable from this machine only unless set". HOST=0.0.0.0 is how a
 * developer tries the tab from a phone on the LAN, by this machine's LAN address, while `npm run dev`
 * keeps 127.0.0.1 and the Playground localhost. The interfaces are faked so the test does not
 * depend on the machine's network. Found in review, stop 67.
 */
describe('local mode with HOST=0.0.0.0 answers by this machine\'s own addresses', () => {
  const LAN = ['192.168.1.20', 'fd00::20'];
  let t: TestApp;
  let port = '';
  beforeAll(async () => {
    const interfaces = jest.spyOn(os, 'networkInterfaces').mockReturnValue({
      eth0: LAN.map((address) => ({ address, family: address.includes(':') ? 'IPv6' : 'IPv4', internal: false, netmask: '', mac: '', cidr: null, ...(address.includes(':') ? { scopeid: 0 } : {}) }) as os.NetworkInterfaceInfo),
    });
    try {
      t = await startTestApp({ HOST: '0.0.0.0' });
    } finally {
      interfaces.mockRestore();
    }
    port = new URL(t.app.url).port;
  });
  afterAll(() => t?.stop());

  it('addressed by a LAN address of this machine or by loopback: answered; by a rebound name: 403', async () => {
    const status = async (host: string) => (await call(t.app.url, host, 'POST', '/api/dev/sign-in', { userId: ANNA })).status;
    expect({
      lanIpv4: await status(`192.168.1.20:${port}`),
      lanIpv6: await status(`[fd00::20]:${port}`),
      loopback: await status(`127.0.0.1:${port}`),
      playground: await status(`localhost:${port}`),
      otherAddress: await status(`192.168.1.21:${port}`),
      rebound: await status(`rebind.attacker.example:${port}`),
    }).toEqual({ lanIpv4: 200, lanIpv6: 200, loopback: 200, playground: 200, otherAddress: 403, rebound: 403 });
  });
});

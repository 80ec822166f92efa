import net from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Teams' front end keeps its connections to the bot open between activities and reuses them. A
 * server that closes an idle connection after Node's default 5 s races with a caller that sends
 * on it at that moment: the activity is lost with the connection (seen as ECONNRESET).
 */
describe('the bot endpoint keeps idle connections open', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('still has the connection after seven idle seconds, and answers on it', async () => {
    const { port } = new URL(t.app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
    try {
      const health = 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n';
      socket.write(health);
      for (let i = 0; i < 2000 && !received.includes('"ok"'); i++) await new Promise((r) => setTimeout(r, 10)); // a bound of 20 s or more, for a busy machine
      expect(received).toContain('"ok"');
      // The idle time is the scenario here, not a wait for a result: Node's default closes at 5 s.
      const idle = await Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 7000))]);
      expect(idle).toBe('open');
      received = '';
      socket.write(health);
      for (let i = 0; i < 2000 && !received.includes('"ok"'); i++) await new Promise((r) => setTimeout(r, 10)); // a bound of 20 s or more, for a busy machine
      expect(received).toContain('"ok"');
    } finally {
      // A failed look must not leave the connection open into the app's stop.
      socket.destroy();
    }
  }, 90_000);
});

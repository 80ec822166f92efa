import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { CosmosConnection, startEmbeddedCosmos } from '../../src/store/cosmos-connection';

declare global {
  var __embeddedCosmosHit: number | undefined; // eslint-disable-line no-var -- set only by the attack below, if it got through
}

function post(endpoint: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The embedded store speaks plain HTTP on loopback and checks no key; its user-defined functions
 * run code when created. A web page open in the developer's browser must not reach it: not with
 * a simple cross-site POST, not through DNS rebinding, not unsigned.
 */
describe('the embedded Cosmos DB server refuses what is not a local Cosmos DB client', () => {
  const database = `test-${randomUUID().slice(0, 8)}`;
  let cosmos: CosmosConnection & { endpoint: string };
  const udfPath = `/dbs/${database}/colls/sessions/udfs`;
  // Runs when the server compiles the function: the proof that the attack got through.
  const udf = JSON.stringify({ id: `f${randomUUID().slice(0, 6)}`, body: '(globalThis.__embeddedCosmosHit = 1, function () { return 1; })' });
  const port = () => new URL(cosmos.endpoint).port;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos(database);
  });
  afterAll(() => cosmos.close());
  afterEach(() => expect(globalThis.__embeddedCosmosHit).toBeUndefined());

  it('refuses a cross-site simple POST from a web page', async () => {
    expect(await post(cosmos.endpoint, udfPath, { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', host: `127.0.0.1:${port()}` }, udf)).toBe(403);
  });

  it('refuses an unsigned request without browser headers', async () => {
    expect(await post(cosmos.endpoint, udfPath, { 'content-type': 'application/json', host: `127.0.0.1:${port()}` }, udf)).toBe(403);
  });

  it('refuses a request for another host name (DNS rebinding), signed or not', async () => {
    const headers = { 'content-type': 'application/json', host: `rebind.example:${port()}`, authorization: 'type%3Dmaster%26ver%3D1.0%26sig%3Dx', 'x-ms-version': '2020-07-15' };
    expect(await post(cosmos.endpoint, udfPath, headers, udf)).toBe(403);
  });

  it('still serves the SDK', async () => {
    await cosmos.container('sessions').items.create({ id: 'doc-1', groupId: 'g' });
    const { resource } = await cosmos.container('sessions').item('doc-1', 'g').read();
    expect(resource?.id).toBe('doc-1');
    const { resources } = await cosmos.container('sessions').scripts.userDefinedFunctions.readAll().fetchAll();
    expect(resources).toEqual([]);
  });
});

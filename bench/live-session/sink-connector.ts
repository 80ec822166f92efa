import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';

/**
 * A Bot Connector that accepts every send and update, in its own thread: what Teams does with the
 * shared-card updates costs the measured process nothing, as in production.
 */
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `m-${Date.now()}` }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));

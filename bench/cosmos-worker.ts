import { readlinkSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { createEmbeddedServer } from '../src/store/embedded-server';

/** This thread's id in the kernel (Linux: `/proc/thread-self` -> `<pid>/task/<tid>`), so the bench can read its CPU time; undefined elsewhere. */
function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
}

/** The embedded Cosmos DB server, as the app runs it, in its own thread, on loopback. */
const server = createEmbeddedServer();
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port, tid: threadId() }));

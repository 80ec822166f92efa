import type { IncomingMessage, ServerResponse } from 'node:http';
import { CosmosProxy } from './cosmos-proxy';

/**
 * Holds one Cosmos DB request at the proxy until the test lets it go: a member's turn stopped
 * between what it read and what it writes, while another member's step runs to the end. No
 * timing: the test waits for the request to arrive, and releases it.
 */
export function cosmosGate(proxy: CosmosProxy) {
  const p = proxy as unknown as { handle: (req: IncomingMessage, res: ServerResponse) => void };
  const original = p.handle.bind(proxy);
  const holds: { match: (req: IncomingMessage) => boolean; arrived: () => void; released: Promise<void> }[] = [];
  p.handle = (req, res) => {
    const i = holds.findIndex((h) => h.match(req));
    if (i < 0) return original(req, res);
    const [h] = holds.splice(i, 1);
    h!.arrived();
    void h!.released.then(() => original(req, res));
  };
  return {
    hold(match: (req: IncomingMessage) => boolean) {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((r) => (arrived = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ match, arrived, released });
      return { arrived: arrivedP, release };
    },
  };
}

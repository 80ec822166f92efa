import { IncomingMessage } from 'node:http';

/**
 * The embedded server checks no key, and it runs the code of a user-defined function as soon as
 * one is created. On plain HTTP a web page in the developer's browser could reach it with a
 * simple cross-site POST (or through DNS rebinding), so only requests that only a Cosmos DB
 * client sends get through: addressed to 127.0.0.1 at this port, signed (`authorization`) with
 * `x-ms-version` (headers a page cannot send without a preflight, which is refused), and
 * without a browser's `Origin` or `Sec-Fetch-*` headers.
 */
export function isLocalClientRequest(req: IncomingMessage, port: number): boolean {
  const h = req.headers;
  if (req.method === 'OPTIONS') return false;
  if (h.host !== `127.0.0.1:${port}`) return false;
  if (h.origin !== undefined || Object.keys(h).some((name) => name.startsWith('sec-fetch-'))) return false;
  return typeof h.authorization === 'string' && h.authorization.length > 0 && typeof h['x-ms-version'] === 'string';
}

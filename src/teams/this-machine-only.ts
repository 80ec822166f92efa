import restify from 'restify';

/** The names under which a browser or the Agents Playground on this machine addresses it. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Listening addresses that name no host of their own: every interface. */
const WILDCARD_ADDRESSES = ['0.0.0.0', '[::]'];

/** The host name of a Host header or a listening address, as a URL spells it (lower case, IPv6 in brackets); undefined when it is none. */
function hostNameOf(hostAndPort: string): string | undefined {
  try {
    const url = new URL(`http://${hostAndPort}`);
    // `localhost@evil.example` or a path would parse as another host or more than a host: not a Host header.
    return url.username || url.password || url.pathname !== '/' || url.search || url.hash ? undefined : url.hostname;
  } catch {
    return undefined;
  }
}

/**
 * The host names local mode answers to: this machine's loopback names, and the address HOST names
 * when a developer set one (a bare IPv6 address is bracketed, as a Host header carries it).
 */
export function localModeHostNames(listenAddress: string | undefined): string[] {
  const own = listenAddress === undefined ? undefined : hostNameOf(listenAddress.includes(':') && !listenAddress.startsWith('[') ? `[${listenAddress}]` : listenAddress);
  return own === undefined || WILDCARD_ADDRESSES.includes(own) || LOOPBACK_NAMES.includes(own) ? LOOPBACK_NAMES : [...LOOPBACK_NAMES, own];
}

/**
 * Local mode has no bot authentication and a sign-in that hands out a token for any user, so it
 * listens on 127.0.0.1. A web page the developer opens reaches that address too, through DNS
 * rebinding: its requests then carry the page's own host name in Host, and the browser, seeing
 * one origin, stops none of them. Only requests addressed by one of `hostNames` (any port: a
 * forwarded port keeps the name) are answered; the port alone is no guard.
 */
export function thisMachineOnly(hostNames: readonly string[]): restify.RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host;
    const name = host === undefined ? undefined : hostNameOf(host);
    if (name !== undefined && hostNames.includes(name)) return next();
    res.send(403, { error: 'wrongHost', detail: `local mode answers only requests addressed to ${hostNames.join(', ')}` });
    return next(false);
  };
}

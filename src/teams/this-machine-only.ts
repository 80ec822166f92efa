import { networkInterfaces } from 'node:os';

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

/** An address as a Host header carries it: a bare IPv6 address in brackets. */
function addressAsHostName(address: string): string | undefined {
  return hostNameOf(address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);
}

/** Every address of this machine's network interfaces, as the system reports them now. */
export function ownInterfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).map((a) => a.address));
}

/**
 * The host names local mode answers to: this machine's loopback names, and the address HOST names
 * when a developer set one. HOST=0.0.0.0 (or ::) names every interface: then each interface's own
 * address is a name too, so a phone on the LAN reaches the tab by this machine's LAN address while
 * `npm run dev` and the Playground keep 127.0.0.1 and localhost. A rebinding page can't send those:
 * an IP literal in Host is what the browser connected to, not the page's own name. The interfaces
 * are read only for a wildcard HOST, once, at start.
 */
export function localModeHostNames(listenAddress: string | undefined, interfaceAddresses: () => readonly string[] = ownInterfaceAddresses): string[] {
  const own = listenAddress === undefined ? undefined : addressAsHostName(listenAddress);
  if (own === undefined || LOOPBACK_NAMES.includes(own)) return LOOPBACK_NAMES;
  const named = WILDCARD_ADDRESSES.includes(own) ? interfaceAddresses().map(addressAsHostName) : [own];
  return [...new Set([...LOOPBACK_NAMES, ...named.filter((name): name is string => name !== undefined)])];
}

/**
 * Local mode has no bot authentication and a sign-in that hands out a token for any user, so it
 * listens on 127.0.0.1. A web page the developer opens reaches that address too, through DNS
 * rebinding: its requests then carry the page's own host name in Host, and the browser, seeing
 * one origin, stops none of them. Only requests addressed by one of `hostNames` (any port: a
 * forwarded port keeps the name) are answered; the port alone is no guard.
 */
export function addressedToThisMachine(hostHeader: string | undefined, hostNames: readonly string[]): boolean {
  const name = hostHeader === undefined ? undefined : hostNameOf(hostHeader);
  return name !== undefined && hostNames.includes(name);
}

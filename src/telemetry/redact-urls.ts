/**
 * Keeps secrets in URLs out of telemetry. A query string can carry a bearer credential (the HR
 * report's download link `?token=...`; a SAS `sig=`; a `code=` or `key=`), and OpenTelemetry records
 * the whole URL of every incoming request and outgoing dependency (`url.full`, `http.url`,
 * `http.target`, `url.query`), which Application Insights keeps as the request's or dependency's
 * URL. So every query-string value is replaced, except a few known to be harmless; the names stay,
 * which is enough to tell requests apart. Bot Connector paths lose their conversation id, Cosmos DB
 * paths their document id.
 */

export const REDACTED = '[redacted]';

/** Query parameters whose value is never a secret and helps reading the telemetry. */
const KEEP = new Set(['api-version']);

function redactPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const name = pair.slice(0, eq);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a malformed name is redacted like any other
  }
  return KEEP.has(decoded.toLowerCase()) ? pair : `${name}=${REDACTED}`;
}

/** A bare query string (`a=1&token=x`, as in `url.query`), its values redacted. */
export function redactQuery(query: string): string {
  return query.split(/([&;])/).map((part) => (part === '&' || part === ';' ? part : redactPair(part))).join('');
}

/**
 * A Bot Connector conversation id in a path (`/v3/conversations/a:1xyz/activities`). A 1:1 chat's
 * id names its member wherever it is stored with them, and which 1:1 chats get a message can be
 * exactly what must stay unknown (a private nudge goes only to who has not answered a poll).
 */
const CONVERSATION_IN_PATH = /(\/v3\/conversations\/)[^/?#\s"'<>]+/g;

/**
 * A Cosmos DB document id in a resource path (`/dbs/<db>/colls/<container>/docs/<id>`, also without
 * the leading slash as in a resource link). Every dependency on Cosmos DB is recorded by this path
 * (its name and URL), and our ids are derived from people: the remembered 1:1 chat of a Teams user
 * (`oc_<hash of tenant and Teams id>`) is read only for a private nudge that passes its guard, so the
 * ids read during a nudge round would list who had not answered. Any container, any id: the
 * container name and the operation (method, status, duration) stay, which is what telemetry needs.
 */
const DOCUMENT_IN_PATH = /(colls\/[^/?#\s"'<>]+\/docs\/)[^/?#\s"'<>]+/g;

/**
 * Text with URLs or paths in it (`https://host/p?token=x`, `/p?token=x#f`, an error message naming
 * a URL): every query string's values, every Bot Connector conversation id and every Cosmos DB
 * document id redacted, the rest unchanged.
 */
export function redactUrls(text: string): string {
  const withoutConversations = text.includes('/v3/conversations/') ? text.replace(CONVERSATION_IN_PATH, `$1${REDACTED}`) : text;
  const withoutDocuments = withoutConversations.includes('/docs/') ? withoutConversations.replace(DOCUMENT_IN_PATH, `$1${REDACTED}`) : withoutConversations;
  if (!withoutDocuments.includes('?')) return withoutDocuments;
  return withoutDocuments.replace(/\?([^\s#"'<>]*)/g, (_m, query: string) => `?${redactQuery(query)}`);
}

type AttributeValue = string | number | boolean | (string | number | boolean | null | undefined)[] | null | undefined;
type Attributes = Record<string, AttributeValue>;

/** Attributes whose whole value is a query string without its `?`. */
const QUERY_ATTRIBUTES = new Set(['url.query', 'http.query']);

/** Redacts the URLs in a span's (or event's) attributes in place. */
export function redactAttributes(attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string') {
      const redacted = QUERY_ATTRIBUTES.has(key) ? redactQuery(value) : redactUrls(value);
      if (redacted !== value) attributes[key] = redacted;
    } else if (Array.isArray(value) && value.some((v) => typeof v === 'string')) {
      attributes[key] = value.map((v) => (typeof v === 'string' ? redactUrls(v) : v));
    }
  }
}

/** What the processor reads and rewrites of a finished span (a structural ReadableSpan). */
export interface FinishedSpan {
  readonly name: string;
  readonly attributes: Attributes;
  readonly events: readonly { readonly name: string; readonly attributes?: Attributes }[];
}

/**
 * An OpenTelemetry span processor that redacts URLs in a span when it ends: its name, its
 * attributes and its events' attributes (an exception's message can name a URL). It must run
 * before the exporting processor (`useAzureMonitor` places `spanProcessors` before its batch
 * processor), which reads the span only later.
 */
export class RedactUrlsSpanProcessor {
  onStart(): void {}

  onEnd(span: FinishedSpan): void {
    // A finished span is read-only by type only: this is the last moment before export.
    const writable = span as { name: string; attributes: Attributes; events: { name: string; attributes?: Attributes }[] };
    const name = redactUrls(writable.name);
    if (name !== writable.name) writable.name = name;
    redactAttributes(writable.attributes);
    for (const event of writable.events ?? []) redactAttributes(event.attributes);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

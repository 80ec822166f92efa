// Zod 4 (shipped inside the zod package): every activity passes this check, and Zod 3 took about
// 0.1 ms of the event loop for each, four times as long.
import { z } from 'zod/v4';
import { isDomainError } from '../domain/shared/errors';
import { cleanJson } from '../domain/shared/text';

/**
 * The one check every incoming activity passes before any handler runs. It covers the fields
 * the app reads (type, from, recipient, conversation, channelData's tenant/team/channel,
 * membersAdded/Removed, entities, value) and leaves the rest of the activity as it came, cleaned:
 * - every string loses its control characters, every object its prototype keys;
 * - identity and routing fields must have their type, or the activity is refused;
 * - lists of events (membersAdded/Removed, entities) keep only their well-formed entries.
 */
const MAX_ID = 1024;
const MAX_NAME = 512;
const MAX_TEXT = 50_000;
const MAX_LIST = 1000;

const id = z.string().min(1).max(MAX_ID);
/**
 * Teams leaves some names out or sends null: both mean "not given". The envelope's nulls are left
 * out before the check (a transform on each field would cost three times the check itself).
 */
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional();

const account = z.object({
  id,
  name: optional(z.string().max(MAX_NAME)),
  aadObjectId: optional(z.string().max(MAX_ID)),
  role: optional(z.string().max(40)),
});

const conversation = z.object({
  id,
  name: optional(z.string().max(MAX_NAME)),
  conversationType: optional(z.string().max(40)),
  tenantId: optional(z.string().max(200)),
  isGroup: optional(z.boolean()),
});

const channelData = z
  .object({
    tenant: optional(z.object({ id: z.string().max(200) })),
    team: optional(z.object({ id, name: optional(z.string().max(MAX_NAME)), aadGroupId: optional(z.string().max(MAX_ID)) })),
    // `type`: standard, shared or private (a shared or private channel is not one of the team's own).
    channel: optional(z.object({ id, name: optional(z.string().max(MAX_NAME)), type: optional(z.string().max(40)) })),
    eventType: optional(z.string().max(60)),
  })
  .passthrough();

const mention = z.object({ type: z.literal('mention'), mentioned: account, text: z.string().max(MAX_NAME) }).passthrough();
const entity = z.object({ type: z.string().min(1).max(100) }).passthrough();

/** Keeps the entries that parse; a "list" that is not an array is no list. */
function wellFormed<T>(list: unknown, parse: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.slice(0, MAX_LIST).flatMap((item) => {
    const parsed = parse(item);
    return parsed === undefined ? [] : [parsed];
  });
}

const members = z.unknown().transform((list) => wellFormed(list, (m) => account.safeParse(m).data));
const entities = z.unknown().transform((list) =>
  wellFormed(list, (e) => {
    const base = entity.safeParse(e);
    if (!base.success) return undefined;
    return base.data.type.toLowerCase() === 'mention' ? mention.safeParse(e).data : base.data;
  }),
);

/**
 * What teams-ai itself reads of a message-extension invoke before our handler sees it (it
 * flattens `parameters` with forEach and reads `param.name`): the rest is the handler's to check.
 */
const extensionValue = z
  .object({
    commandId: optional(z.string().max(200)),
    commandContext: optional(z.string().max(40)),
    parameters: optional(z.array(z.object({ name: z.string().max(200) }).passthrough()).max(50)),
    queryOptions: optional(z.object({ skip: optional(z.number().int().min(0)), count: optional(z.number().int().min(0).max(1000)) }).passthrough()),
  })
  .passthrough();

export const activityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(64),
    id: optional(z.string().max(MAX_ID)),
    name: optional(z.string().max(200)),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    from: account,
    recipient: account,
    conversation,
    channelData: optional(channelData),
    text: optional(z.string().max(MAX_TEXT)),
    locale: optional(z.string().max(40)),
    replyToId: optional(z.string().max(MAX_ID)),
    timestamp: optional(z.string().max(64)),
    localTimestamp: optional(z.string().max(64)),
    membersAdded: members,
    membersRemoved: members,
    entities,
    // Each handler validates its own payload, nulls inside it included; null is no payload (left out with the envelope's nulls).
    value: z.unknown(),
  })
  .passthrough();

export type ActivityEnvelope = z.output<typeof activityEnvelopeSchema>;

export type EnvelopeCheck =
  | { ok: true; activity: ActivityEnvelope }
  /** `problems` are field paths and zod codes only: safe to log, no values. */
  | { ok: false; kind: 'notAnActivity' | 'invalid'; invoke: boolean; problems: string[] };

/** The envelope, and a message-extension invoke's value, built once rather than on every request. */
const checkedEnvelope = activityEnvelopeSchema.superRefine((a, ctx) => {
  if (a.type !== 'invoke' || !a.name?.startsWith('composeExtension/') || a.value === undefined) return;
  for (const issue of extensionValue.safeParse(a.value).error?.issues ?? []) ctx.addIssue({ ...issue, path: ['value', ...issue.path] });
});

/** Checks and normalises what arrived at /api/messages. Never throws. */
export function checkActivity(body: unknown): EnvelopeCheck {
  const raw = body as { type?: unknown } | null | undefined;
  const invoke = raw?.type === 'invoke';
  if (typeof raw?.type !== 'string' || !raw.type) return { ok: false, kind: 'notAnActivity', invoke, problems: ['type'] };
  let cleaned: unknown;
  try {
    // A payload keeps its nulls for its handler to judge; the envelope's mean "not given".
    const { value, ...envelope } = body as Record<string, unknown>;
    // cleanJson returns a new object: the payload goes on it, last as before. Spreading it into
    // another literal took V8's slow path on every activity (see card-kit's `extended`).
    const copy = cleanJson(envelope, 0, { dropNulls: true }) as Record<string, unknown>;
    if (value !== null && value !== undefined) copy.value = cleanJson(value, 1);
    cleaned = copy;
  } catch (err) {
    if (isDomainError(err)) return { ok: false, kind: 'invalid', invoke, problems: ['depth'] };
    throw err;
  }
  const parsed = checkedEnvelope.safeParse(cleaned);
  if (!parsed.success) {
    return { ok: false, kind: 'invalid', invoke, problems: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}:${i.code}`) };
  }
  const activity = parsed.data;
  // A mention points into the text; without text there is nothing to point at (and teams-ai's
  // mention removal would read the missing text).
  if (activity.text === undefined && activity.entities) activity.entities = activity.entities.filter((e) => e.type.toLowerCase() !== 'mention');
  return { ok: true, activity };
}

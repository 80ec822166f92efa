import { z } from 'zod';
import { VERBS, VerbName } from '../../src/teams/verbs';
import { ConversationSpec, TestUser } from '../support/activities';
import { seededRandom } from '../support/recording-connector';

/**
 * Hostile activities for the fuzz test, from a seed: the same seed gives the same activities, so
 * a failure is replayed with FUZZ_SEED=<seed> (and FUZZ_ONLY=<case number> for one case).
 * Each case starts from something Teams could send (a text command, a card action with data
 * shaped like its verb's schema, a message-extension or dialog invoke, a conversation update)
 * and then gets a few mutations: fields deleted or of the wrong type, huge strings, prototype
 * keys, control characters.
 */

export const TEXT_COMMANDS = [
  // week cycle (group chats and channels)
  'groep', 'group', 'setup', 'instellen', 'start', 'nieuwe cyclus', 'new cycle', 'status', 'agenda', 'taal en', 'taal nl', 'language xx', 'help',
  // Mijn verantwoording (personal chat)
  'verantwoording', 'mijn verantwoording', 'accountability', 'notitie Vandaag geleerd', 'note', 'mijn gegevens', 'my data', 'wis mijn gegevens', 'erase my data', 'taal en',
  // B3-spiegel (team channel)
  'peiling start dit team 2026-12-31', 'peiling start alle teams 2026-12-31 herinner', 'poll start this team 2026-12-31 private', 'peiling status', 'peiling sluiten', 'peiling resultaten', 'poll', 'peiling onzin',
  // talentontwikkelgesprek (personal chat)
  'gesprek plannen', 'plan review', 'voorbereiding', 'prep', 'reviews', 'gesprekken',
  // HR report
  'rapport', 'report 2026-01-01 2026-06-30', 'rapport 2099-99-99',
] as const;

export const INVOKE_NAMES = [
  'adaptiveCard/action',
  'composeExtension/fetchTask', 'composeExtension/submitAction', 'composeExtension/query', 'composeExtension/queryLink', 'composeExtension/anonymousQueryLink',
  'composeExtension/selectItem', 'composeExtension/querySettingUrl', 'composeExtension/setting', 'composeExtension/onCardButtonClicked',
  'task/fetch', 'task/submit', 'signin/verifyState', 'signin/tokenExchange', 'config/fetch', 'config/submit', 'tab/fetch', 'tab/submit',
  'fileConsent/invoke', 'actionableMessage/executeAction', 'handoff/action', 'message/submitAction', 'healthCheck', 'no/such/invoke',
] as const;

const OTHER_TYPES = ['conversationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'installationUpdate', 'event', 'typing', 'endOfConversation', 'trace', 'madeUp'] as const;
const EVENT_TYPES = ['teamMemberAdded', 'teamMemberRemoved', 'teamRenamed', 'channelCreated', 'channelRenamed', 'teamDeleted', 'teamArchived', 'unknownEvent'];

export const VERB_NAMES = Object.keys(VERBS) as VerbName[];

export type CaseKind = 'text' | 'verb' | 'submit' | 'invoke' | 'other';

export interface FuzzCase {
  n: number;
  kind: CaseKind;
  /** The verb, command or invoke name the case started from (for the coverage check). */
  label: string;
  activity: Record<string, unknown>;
  mutations: string[];
}

export interface FuzzWorld {
  serviceUrl: string;
  users: TestUser[];
  conversations: ConversationSpec[];
  /** The team of the channel conversations. */
  team: { id: string; name: string };
  /** Known values per data key (groupId, sessionId, noteId, ...), taken from stored documents. */
  ids: Record<string, string[]>;
}

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const CONTROL = ['\u0000', '\u0007', '\u0008', '\u001b[2J', '\u007f', '\u0085', '\u009b'];

export class FuzzGenerator {
  private readonly random: () => number;
  constructor(readonly seed: number, private readonly world: FuzzWorld) {
    this.random = seededRandom(seed);
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }
  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** `count` cases; kinds and items go round so every verb, command and invoke name comes up. */
  cases(count: number): FuzzCase[] {
    const kinds: CaseKind[] = ['verb', 'text', 'invoke', 'verb', 'submit', 'other', 'verb', 'text'];
    const next: Record<CaseKind, number> = { text: 0, verb: 0, submit: 0, invoke: 0, other: 0 };
    const lists: Record<CaseKind, readonly string[]> = { text: TEXT_COMMANDS, verb: VERB_NAMES, submit: VERB_NAMES, invoke: INVOKE_NAMES, other: OTHER_TYPES };
    return Array.from({ length: count }, (_, n) => {
      const kind = kinds[n % kinds.length]!;
      const list = lists[kind];
      const label = list[next[kind]++ % list.length]!;
      const activity = this.base(kind, label);
      const mutations: string[] = [];
      // One case in six stays as generated: those reach the handlers' deeper paths.
      const rounds = this.chance(1 / 6) ? 0 : 1 + this.int(3);
      for (let i = 0; i < rounds; i++) mutations.push(this.mutate(activity));
      return { n, kind, label, activity, mutations };
    });
  }

  private envelope(conv: ConversationSpec, from: TestUser): Record<string, unknown> {
    return {
      id: `fuzz-${this.seed}-${this.int(1e9)}`,
      channelId: 'msteams',
      serviceUrl: this.world.serviceUrl,
      timestamp: '2026-11-23T09:00:00.000Z',
      locale: this.pick(['nl-NL', 'en-US', 'de-DE']),
      from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
      recipient: { ...BOT },
      conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
      channelData: { tenant: { id: conv.tenantId }, ...(conv.type === 'channel' ? { team: { ...this.world.team }, channel: { id: conv.id } } : {}) },
    };
  }

  private base(kind: CaseKind, label: string): Record<string, unknown> {
    // Conversation updates come mostly from the team channel, where the install registry listens.
    const channel = this.world.conversations.find((c) => c.type === 'channel');
    const conv = label === 'conversationUpdate' && channel && this.chance(0.7) ? channel : this.pick(this.world.conversations);
    const from = this.pick(this.world.users);
    const env = this.envelope(conv, from);
    const mention = conv.type === 'personal' ? '' : `<at>${BOT.name}</at> `;
    const entities = conv.type === 'personal' ? [] : [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }];
    switch (kind) {
      case 'text':
        return { ...env, type: 'message', text: `${mention}${label}`, entities };
      case 'verb': {
        const verb = VERBS[label as VerbName].verb;
        return { ...env, type: 'invoke', name: 'adaptiveCard/action', replyToId: this.replyTo(), value: { action: { type: 'Action.Execute', verb, data: this.sample(VERBS[label as VerbName].data) }, trigger: 'manual' } };
      }
      case 'submit': {
        const verb = VERBS[label as VerbName].verb;
        return { ...env, type: 'message', replyToId: this.replyTo(), value: { ...(this.sample(VERBS[label as VerbName].data) as object), verb } };
      }
      case 'invoke':
        return { ...env, type: 'invoke', name: label, value: this.invokeValue(label) };
      case 'other':
        return this.other(env, label);
    }
  }

  private replyTo(): string {
    return this.pick(['msg-1', 'card-1', this.world.ids.cardActivityId?.[0] ?? 'msg-2']);
  }

  private other(env: Record<string, unknown>, type: string): Record<string, unknown> {
    const people = () => [this.chance(0.6) ? { ...BOT } : { id: this.pick(this.world.users).id, aadObjectId: this.pick(this.world.users).aadObjectId }];
    const channelData = { ...(env.channelData as object), eventType: this.pick(EVENT_TYPES), team: { ...this.world.team, name: `Team ${this.int(100)}` } };
    switch (type) {
      case 'conversationUpdate':
        return { ...env, type, channelData, ...(this.chance(0.7) ? { membersAdded: people() } : { membersRemoved: people() }) };
      case 'messageReaction':
        return { ...env, type, reactionsAdded: [{ type: 'like' }], replyToId: 'msg-1' };
      case 'installationUpdate':
        return { ...env, type, action: this.pick(['add', 'remove', 'add-upgrade']) };
      case 'event':
        return { ...env, type, name: this.pick(['application/vnd.microsoft.meetingStart', 'tokens/response', 'x']), value: { id: 'x' } };
      default:
        return { ...env, type };
    }
  }

  private invokeValue(name: string): unknown {
    const payload = { body: { contentType: 'html', content: '<p>Een <b>bericht</b> om te bewaren</p>' }, linkToMessage: 'https://teams.microsoft.com/l/message/1' };
    switch (name) {
      case 'adaptiveCard/action':
        return { action: { type: 'Action.Execute', verb: this.pick([...VERB_NAMES.map((v) => VERBS[v].verb), 'no.such.verb']), data: {} } };
      case 'composeExtension/fetchTask':
        return { commandId: this.pick(['bewaarInVerantwoording', 'zoekVoorstellen', 'onbekend']), commandContext: 'message', messagePayload: payload };
      case 'composeExtension/submitAction':
        return { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: 'Bewaar dit', link: payload.linkToMessage }, messagePayload: payload };
      case 'composeExtension/query':
        return { commandId: this.pick(['zoekVoorstellen', 'bewaarInVerantwoording']), parameters: [{ name: 'zoekterm', value: this.pick(['overdracht', '', '%', "' OR 1=1 --"]) }], queryOptions: { skip: 0, count: 25 } };
      case 'task/fetch':
      case 'task/submit':
        return { data: { verb: 'x', msteams: { type: 'task/fetch' } }, context: { theme: 'default' } };
      default:
        return { id: 'x', data: {} };
    }
  }

  /** Data shaped like a verb's schema, filled with known ids where the key names one. */
  sample(schema: z.ZodTypeAny, key = ''): unknown {
    const def = schema._def as { typeName: string; [k: string]: unknown };
    switch (def.typeName) {
      case 'ZodObject': {
        const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(shape)) {
          const value = this.sample(v, k);
          if (value !== undefined) out[k] = value;
        }
        if (key === '' && 'pollId' in out) Object.assign(out, Object.fromEntries(['werkzaamheden', 'werkbeleving', 'waardering', 'beloning', 'samenwerking', 'ontwikkelkansen', 'boeien', 'binden', 'behouden'].map((i) => [`item_${i}`, String(1 + this.int(5))])));
        return out;
      }
      case 'ZodOptional':
        return this.chance(0.3) ? undefined : this.sample(def.innerType as z.ZodTypeAny, key);
      case 'ZodDefault':
        return this.chance(0.2) ? undefined : this.sample(def.innerType as z.ZodTypeAny, key);
      case 'ZodEffects':
        return this.sample(def.schema as z.ZodTypeAny, key);
      case 'ZodEnum':
        return this.pick(def.values as string[]);
      case 'ZodLiteral':
        return def.value;
      case 'ZodUnion':
        return this.sample(this.pick(def.options as z.ZodTypeAny[]), key);
      case 'ZodNumber':
        return this.pick([0, 1, 2, 3, 4, 5, 20, 52]);
      case 'ZodString':
        return this.stringFor(key);
      default:
        return undefined;
    }
  }

  private stringFor(key: string): string {
    const known = this.world.ids[key];
    if (known?.length && this.chance(0.85)) return this.pick(known);
    switch (key) {
      case 'date':
        return this.pick(['2026-12-10', '2026-02-30', '2025-01-01', 'morgen']);
      case 'timeZone':
        return this.pick(['Europe/Amsterdam', 'Mars/Olympus', '']);
      case 'startTime':
        return this.pick(['09:00', '25:61', '']);
      case 'days':
        return this.pick(['1,2,3,4', '1,2', '9,9,9,9']);
      case 'members':
        return this.world.users.slice(0, 3 + this.int(4)).map((u) => u.aadObjectId).join(',');
      case 'weeks':
      case 'hours':
      case 'rev':
      case 'questionId':
      case 'index':
        return String(this.int(60));
      case 'day1': case 'day2': case 'day3': case 'day4':
        return this.pick(['1,2,3', '4,5', '6,7', '8,9,10', 'x']);
      default:
        return this.pick(['Een gewone tekst', 'x'.repeat(4500), '', '   ', 'groep_onbekend', 'a/b#c?d\\e', '<at>bot</at> <script>alert(1)</script>']);
    }
  }

  // --- mutations ----------------------------------------------------------------------------

  /** Every [container, key] pair in the activity, with its path, for picking a place to mutate. */
  private places(node: unknown, path: string[] = [], out: { parent: Record<string, unknown> | unknown[]; key: string | number; path: string }[] = []) {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i, path: [...path, String(i)].join('.') });
        this.places(v, [...path, String(i)], out);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k, path: [...path, k].join('.') });
        this.places(v, [...path, k], out);
      }
    }
    return out;
  }

  private wrongValue(): unknown {
    return this.pick<unknown>([null, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, true, false, [], [null], {}, { $where: '1' }, 'NaN', '', [false], { id: { nested: true } }]);
  }

  /** Applies one mutation somewhere in the activity; returns what it did, for the failure message. */
  private mutate(activity: Record<string, unknown>): string {
    const places = this.places(activity);
    // Most mutations go into what a person typed or a card sent, so they reach the handlers;
    // the rest hit the envelope, which the edge must refuse.
    const payload = places.filter((p) => /^(value|text|channelData\.team|membersAdded|membersRemoved)(\.|$)/.test(p.path));
    const place = payload.length && this.chance(0.65) ? this.pick(payload) : this.pick(places);
    const { parent, key, path } = place;
    const current = (parent as Record<string | number, unknown>)[key];
    const r = this.random();
    if (r < 0.2) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return `delete ${path}`;
    }
    if (r < 0.45) {
      (parent as Record<string | number, unknown>)[key] = this.wrongValue();
      return `wrong type at ${path}`;
    }
    if (r < 0.55) {
      (parent as Record<string | number, unknown>)[key] = 'Ω'.repeat(this.pick([5_000, 60_000, 300_000]));
      return `huge string at ${path}`;
    }
    if (r < 0.75) {
      const c = this.pick(CONTROL);
      const at = typeof current === 'string' ? 1 + this.int(Math.max(1, current.length)) : 0;
      (parent as Record<string | number, unknown>)[key] = typeof current === 'string' ? `${current.slice(0, at)}${c}${current.slice(at)}${c}` : c;
      return `control characters at ${path}`;
    }
    if (r < 0.9) {
      const objects = places.map((p) => (p.parent as Record<string | number, unknown>)[p.key]).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
      const target = objects.length ? this.pick(objects) : activity;
      const proto = this.pick(['__proto__', 'constructor', 'prototype']);
      Object.defineProperty(target, proto, { value: { polluted: true, toString: 'x', verb: 'session.end' }, enumerable: true, configurable: true, writable: true });
      return `prototype key ${proto}`;
    }
    // A whole different value where an object or list was expected, or the reverse.
    (parent as Record<string | number, unknown>)[key] = typeof current === 'object' ? 'plain text' : { surprise: [current] };
    return `shape swapped at ${path}`;
  }
}

/**
 * The set-up the B3-spiegel's database-reader tests share: Zorgteam Noord, the six members who
 * answer, six different answers, what one run of the app leaves behind (a World), and how the
 * reader recognises a single answer's scores in a dump.
 */
import { respondentHash } from '../../../src/domain/pulse-poll/answer';
import { TestUser } from '../../support/activities';
import { HR, members, scores, team, TestTeam } from '../../support/pulse-driver';
import { DatabaseDump } from './database-dump';

/** The nine statements, as an answer's scores name them. */
export const ITEMS = ['werkzaamheden', 'werkbeleving', 'waardering', 'beloning', 'samenwerking', 'ontwikkelkansen', 'boeien', 'binden', 'behouden'];
export const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 8)]);
/** The members who answer (HR does not). */
export const respondents = noord.members.slice(1, 7);

/** Six different answers, each with its own open comment, which starts with `label`. */
export function sixAnswers(label: string) {
  return respondents.map((_, i) => ({
    values: scores((i % 5) + 1, { boeien: ((i * 2) % 5) + 1, binden: Math.floor(i / 5) + 2 }),
    comment: `${label} ${'ABCDEF'[i]}: ${['rooster', 'collega', 'scholing', 'werkdruk', 'ruimte', 'koffie'][i]}`,
  }));
}

export type Answer = ReturnType<typeof sixAnswers>[number];
export type Vector = Record<string, number>;

/** One run of the app: its poll, the dumps taken while people answered (each test says when), after closing, and who gave which answer. */
export interface World {
  pollId: string;
  dumps: DatabaseDump[];
  afterClosing: DatabaseDump;
  truth: { answer: Answer; who: TestUser }[];
}

/** A single answer's scores, wherever they are stored: every statement with a score from 1 to 5. */
export const isVector = (v: unknown): Vector | undefined => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  return ITEMS.every((k) => typeof o[k] === 'number' && (o[k] as number) >= 1 && (o[k] as number) <= 5) ? (o as Vector) : undefined;
};
export const vectorOf = (x: Answer): Vector => Object.fromEntries(ITEMS.map((k) => [k, Number(x.values[`item_${k}`])]));

/** What the attacker with the key gets: every team member hashed as the app does, to their name. */
export const hashedMembers = (key: string, pollId: string): Map<string, string> => new Map(noord.members.map((m) => [respondentHash(key, pollId, m.aadObjectId), m.name]));

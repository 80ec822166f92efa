import { createHash, createHmac } from 'node:crypto';
import { DatabaseDump, Occurrence, occurrences } from './database-dump';

/** A guess that a person gave an answer. */
export interface Link<P, A> {
  person: P;
  answer: A;
}

/**
 * The `_ts` join. A person found in one document is linked to the answer found in another
 * document written in the same second, when exactly one such answer exists. (Values in one and
 * the same document share its `_ts` and say nothing about each other this way.)
 */
export function timestampJoin<P, A>(people: Occurrence<P>[], answers: Occurrence<A>[]): Link<P, A>[] {
  const links: Link<P, A>[] = [];
  for (const p of people) {
    const sameSecond = answers.filter((a) => a.ts === p.ts && !(a.container === p.container && a.docIndex === p.docIndex));
    if (sameSecond.length === 1) links.push({ person: p.value, answer: sameSecond[0]!.value });
  }
  return links;
}

/** The order join: the i-th person found (reading order) is linked to the i-th answer found. */
export function orderJoin<P, A>(people: Occurrence<P>[], answers: Occurrence<A>[]): Link<P, A>[] {
  return people.slice(0, answers.length).map((p, i) => ({ person: p.value, answer: answers[i]!.value }));
}

/**
 * The links an attack got right that the aggregates alone do not give away. When every
 * respondent gave the same answer (or there is just one), anybody guessing it is right by
 * chance; every other right guess is a leak.
 */
export function leaks<P, A>(links: Link<P, A>[], truth: Map<P, A>, same: (a: A, b: A) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)): Link<P, A>[] {
  const given = [...truth.values()];
  return links.filter((l) => {
    const real = truth.get(l.person);
    if (real === undefined || !same(real, l.answer)) return false;
    return !given.every((g) => same(g, real));
  });
}

/** How many links are right. */
export function rightGuesses<P, A>(links: Link<P, A>[], truth: Map<P, A>, same: (a: A, b: A) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)): number {
  return links.filter((l) => truth.has(l.person) && same(truth.get(l.person)!, l.answer)).length;
}

/** Where people appear in the dump: any string equal to one of their markers (e.g. keyed hashes). */
export function findPeople<P>(dump: DatabaseDump, markers: Map<string, P>): Occurrence<P>[] {
  return occurrences(dump, (v) => (typeof v === 'string' ? markers.get(v) : undefined));
}

/** Where given texts (open answers, notes...) appear in the dump. */
export function findTexts(dump: DatabaseDump, texts: string[]): Occurrence<string>[] {
  const wanted = new Set(texts);
  return occurrences(dump, (v) => (typeof v === 'string' && wanted.has(v) ? v : undefined));
}

/** Values that are in the second dump and not in the first: what a live observer sees appear. */
export function appeared(before: DatabaseDump, after: DatabaseDump, match: (value: unknown) => string | undefined): string[] {
  const seen = new Set(occurrences(before, match).map((o) => o.value));
  return [...new Set(occurrences(after, match).map((o) => o.value))].filter((v) => !seen.has(v));
}

/**
 * Markers an attacker without the key would try for a person: plain and salted SHA-256 and HMACs
 * with guessable keys, in hex and base64url.
 */
export function unkeyedGuesses(userId: string, scope: string): string[] {
  const inputs = [userId, `${scope}${userId}`, `${scope}\u0000${userId}`, `${scope}:${userId}`, `${userId}${scope}`];
  const digests = [
    ...inputs.map((i) => createHash('sha256').update(i).digest()),
    ...inputs.map((i) => createHmac('sha256', '').update(i).digest()),
    ...inputs.map((i) => createHmac('sha256', scope).update(i).digest()),
  ];
  return digests.flatMap((d) => [d.toString('hex'), d.toString('base64url'), d.toString('base64')]);
}

/**
 * Shared by tests/privacy/erasure-sweeps-every-container and erasure-faults-in-new-steps (stop 49): a raw sweep of
 * every container for strings that name a person, and the set-up in which a professional (Anna)
 * and her manager (Mia) use what stops 44-49 keep about them.
 */
import { message, TestUser, user } from '../../support/activities';
import { buttonData } from '../../support/card-fields';
import { TestApp } from '../../support/test-app';
import { allDocuments, runDueJobs } from '../../verantwoording/support';
import { directoryFile, groupDecides, managerCardAbout, personalChat, pressIn, putBeforeManager } from '../../talent-review/support/proposal-put-before';

export const [anna, bram, cem, mia, olga] = ['Anna', 'Bram', 'Cem', 'Mia', 'Olga'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
export const REVIEW_DATE = '2026-12-10';

/** Mia manages Anna, Bram and Cem; Olga manages Mia. */
export function rightsDirectory(): string {
  return directoryFile([
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-olga', name: 'Olga' },
    { id: 'aad-hanna', name: 'Hanna' },
  ]);
}

/** Every stored string (and key) holding one of `needles`, as "container/type:id path=value" (system fields left out). */
export async function naming(t: TestApp, needles: string[]): Promise<string[]> {
  const out: string[] = [];
  // A name is looked for as a word: inside a hashed key ("...EpMiamPA...") it is chance, not the person
  // (it failed a CI run once). Ids ('aad-mia', '29:mia') are looked for anywhere.
  const found = needles.map((n) => (/^[\p{L} ]+$/u.test(n) ? (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${n}(?![\\p{L}\\p{N}])`, 'u').test(s) : (s: string) => s.includes(n)));
  const walk = (node: unknown, path: string, where: string) => {
    if (typeof node === 'string') {
      if (found.some((has) => has(node))) out.push(`${where} ${path}=${JSON.stringify(node).slice(0, 120)}`);
      return;
    }
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`, where));
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (['_rid', '_self', '_etag', '_attachments', '_ts'].includes(k)) continue;
        for (const n of needles) if (k.includes(n)) out.push(`${where} key ${path}.${k}`);
        walk(v, `${path}.${k}`, where);
      }
    }
  };
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    for (const d of docs as { id: string; type?: string }[]) walk(d, '', `${container}/${d.type ?? '-'}:${d.id}`);
  }
  return out;
}

/**
 * Anna, Bram and Cem adapt a proposal (Anna set the group up); Anna puts it before Mia; then,
 * with the outbox left holding what they queue (`send: false`) or sent: Anna asks Mia for a
 * conversation, Mia plans one about Anna, answers the proposal, and sends her team an account (up to Olga too).
 */
export async function annaAndMia(t: TestApp, opts: { send: boolean }): Promise<void> {
  await groupDecides(t, '19:rights@thread.v2', [anna, bram, cem]);
  await putBeforeManager(t, anna, 'ANNA-WOORDEN voor mijn leidinggevende');
  const card = await managerCardAbout(t, 'aad-mia', anna);
  await runDueJobs(t);
  const reqForm = await pressIn(t, anna, 'review.request.open', {});
  await pressIn(t, anna, 'review.request.send', { ...buttonData(reqForm, 'review.request.send'), text: 'ANNA-VERZOEK' });
  await pressIn(t, mia, 'review.plan.save', { reportId: 'aad-anna', date: REVIEW_DATE, timeZone: 'Europe/Amsterdam', prepDays: '3' });
  await pressIn(t, mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer: 'MIA-ANTWOORD' });
  await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
  const accountForm = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)!.card;
  await pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(accountForm, 'review.teamAccount.send'), text: 'MIA-TEAMWOORDEN', alsoOwnManager: 'true' });
  if (opts.send) await runDueJobs(t);
}

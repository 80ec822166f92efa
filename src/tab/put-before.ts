import type { CycleEntry, PutBeforeEntry } from '../usecases/verantwoording/overview';
import { h } from './dom';
import type { T } from './i18n';

/**
 * Under a proposal the group adopted or adapted: every time the member put it before their
 * manager (to whom, when), that it did not arrive, and the manager's answer with its day, in the
 * chat overview's words. All of them: the page has no message size to keep under, as the chat's
 * card has. Putting it before the manager is done in the chat (its form previews the manager's
 * card), so the tab says where. Everything goes in as text (`h`), never as markup.
 */
export function putBeforeBlock(p: CycleEntry['proposals'][number], all: readonly PutBeforeEntry[], t: T, dates: Intl.DateTimeFormat): HTMLElement | null {
  if (p.status !== 'accept' && p.status !== 'adapt') return null;
  const day = (iso: string) => dates.format(new Date(iso));
  // Oldest first (as the overview gives them): in the order they were sent.
  const entries = all.filter((e) => e.proposalId === p.id && e.groupId === p.groupId);
  return h(
    'div',
    { class: 'put-before' },
    ...entries.map((e) => {
      const manager = e.managerName;
      const answer = e.answer;
      return h(
        'div',
        { class: 'put-before-entry' },
        h('p', { class: 'small' }, h('strong', {}, manager ? t('proposalToManager.putBefore', { manager, date: day(e.sentAt) }) : t('proposalToManager.putBeforeYourManager', { date: day(e.sentAt) }))),
        e.undelivered ? h('p', { class: 'small attention' }, t('proposalToManager.undeliveredLine')) : null,
        answer ? h('p', { class: 'muted small' }, manager ? t('proposalToManager.answerFromOn', { manager, date: day(answer.at) }) : t('proposalToManager.answerFromYourManagerOn', { date: day(answer.at) })) : null,
        answer ? h('p', { class: 'pre answer' }, answer.text) : null,
      );
    }),
    h('p', { class: 'muted small' }, t('proposalToManager.tabHint')),
  );
}

import type { CycleEntry, PutBeforeEntry } from '../usecases/verantwoording/overview';
import type { TabPutBeforeForm } from '../web/verantwoording/tab-api';
import { domId, h } from './dom';
import type { Drafts } from './drafts';
import { limitLength, Outcome, showReason, submit } from './forms';
import type { T } from './i18n';

/** What the tab's form needs of the page: the read of what the manager's card will show, and the send. */
export interface PutBeforeActions {
  say(text: string, error?: boolean): void;
  /** The manager's card as it would go now, or why it cannot (in the page's language). */
  readPutBefore(groupId: string, proposalId: string): Promise<{ ok: true; form: TabPutBeforeForm } | { ok: false; reason: string }>;
  /**
   * Sends under the form's `key` to the manager it names (`to`). Sent: the page is drawn anew and the
   * focus goes to `focusAfter`. Refused: the words' reason (`refusal`), or another one (`reason`);
   * `now`: the directory names another manager, nothing was sent.
   */
  sendPutBefore(input: { groupId: string; proposalId: string; words: string; key: string; to: string }, focusAfter: string): Promise<Outcome & { reason?: string; now?: TabPutBeforeForm }>;
}

/** An open form, kept over a redraw: what it shows, what was typed, its key, and the reason next to the words. */
interface OpenForm {
  form: TabPutBeforeForm;
  words: string;
  key: string;
  reason?: string;
}

/**
 * Under a proposal the group adopted or adapted: every time the member put it before their
 * manager (to whom, when), that it did not arrive, and the manager's answer with its day, in the
 * chat overview's words. All of them: the page has no message size to keep under, as the chat's
 * card has. With `form`, a button opens the form to put it before the manager from here (as the
 * chat's does); without, the tab says it is done in the chat. Everything goes in as text (`h`),
 * never as markup.
 */
export function putBeforeBlock(p: CycleEntry['proposals'][number], all: readonly PutBeforeEntry[], t: T, dates: Intl.DateTimeFormat, form?: { actions: PutBeforeActions; drafts: Drafts }): HTMLElement | null {
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
    form ? putBeforeControl(p, t, form.actions, form.drafts) : h('p', { class: 'muted small' }, t('proposalToManager.tabHint')),
  );
}

/** The label before the decided text, as the manager's card says whose words they are. */
const SOURCE_LABELS: Record<TabPutBeforeForm['proposal']['source'], string> = {
  adoptedAiDraft: 'verantwoording.proposal.adoptedAi',
  adaptedFromAiDraft: 'verantwoording.proposal.adaptedFromAi',
  decision: 'proposalToManager.groupWords',
};

/**
 * "Voorleggen aan je leidinggevende" and its form: whom it goes to, exactly what the manager's
 * card shows (the chat form's preview, as text), the words with their limit, Send and Cancel.
 * Opened, the focus goes to the words; cancelled or sent, back to the button. Refused, the form
 * stays with the words and the reason next to them; another manager named meanwhile, the form
 * names that one. A redraw of the page keeps an open form as it was (`drafts`).
 */
function putBeforeControl(p: CycleEntry['proposals'][number], t: T, actions: PutBeforeActions, drafts: Drafts): HTMLElement {
  const base = domId('put-before', `${p.groupId}__${p.id}`);
  const formId = `${base}-form`;
  const openId = `${base}-open`;
  const wordsId = `${base}-words`;
  const area = h('div', { class: 'put-before-form-area' });
  const open = h('button', { type: 'button', id: openId, 'aria-expanded': 'false', 'aria-controls': formId }, t('verantwoording.putBefore.open')) as HTMLButtonElement;
  let shown: OpenForm | undefined;
  let words: HTMLTextAreaElement | undefined;
  let sending = false;

  const close = () => {
    shown = undefined;
    words = undefined;
    document.getElementById(formId)?.remove();
    open.setAttribute('aria-expanded', 'false');
    open.hidden = false;
  };

  const draw = (state: OpenForm) => {
    document.getElementById(formId)?.remove();
    shown = state;
    const { form } = state;
    const previewId = `${base}-preview`;
    const text = limitLength(
      h('textarea', { id: wordsId, rows: 4, value: state.words, placeholder: t('proposalToManager.wordsPlaceholder'), 'aria-describedby': `${base}-limit` }) as HTMLTextAreaElement,
      'putBefore',
      'words',
      form.maxWords,
      t,
    );
    words = text;
    const send = h('button', { type: 'button', class: 'primary' }, t('proposalToManager.send')) as HTMLButtonElement;
    const cancel = h('button', { type: 'button' }, t('verantwoording.tab.cancel')) as HTMLButtonElement;
    const proposal = form.proposal;
    const box = h(
      'fieldset',
      { id: formId, class: 'put-before-form' },
      h('legend', {}, t('proposalToManager.title')),
      h('p', { class: 'small' }, t('proposalToManager.ownAct')),
      // The manager's name as the directory has it: text.
      h('p', {}, h('strong', {}, form.managerName ? t('proposalToManager.goesTo', { manager: form.managerName }) : t('proposalToManager.goesToYourManager'))),
      h(
        'div',
        { class: 'put-before-preview', role: 'group', 'aria-labelledby': previewId },
        h('p', { id: previewId }, h('strong', {}, t('proposalToManager.preview'))),
        h('p', { class: 'small' }, h('strong', {}, t(SOURCE_LABELS[proposal.source]))),
        h('p', { class: 'pre' }, proposal.text),
        proposal.reason ? h('p', { class: 'small' }, h('strong', {}, t('proposalToManager.reason'))) : null,
        proposal.reason ? h('p', { class: 'pre' }, proposal.reason) : null,
      ),
      h('p', { class: 'muted small' }, t('proposalToManager.nothingElse')),
      h('label', { for: wordsId }, t('proposalToManager.wordsLabel')),
      text,
      h('p', { id: `${base}-limit`, class: 'muted small' }, t('verantwoording.putBefore.limit', { max: form.maxWords })),
      h('div', { class: 'row' }, send, cancel),
    );
    area.append(box);
    open.setAttribute('aria-expanded', 'true');
    open.hidden = true;
    if (state.reason) showReason(text, state.reason);
    cancel.addEventListener('click', () => {
      close();
      open.focus();
    });
    send.addEventListener('click', () => {
      sending = true;
      void submit(send, 'putBefore', { words: text }, t, actions.say, async () => {
        const out = await actions.sendPutBefore({ groupId: p.groupId, proposalId: p.id, words: text.value, key: state.key, to: form.managerId }, openId);
        if (out.ok || out.refusal) return out;
        const reason = out.reason ?? t('verantwoording.error.invalidInput');
        // Another manager named now: the form again, naming them, with the words; nothing was sent.
        if (out.now) {
          draw({ form: out.now, words: text.value, key: state.key, reason });
          words?.focus();
        } else {
          state.reason = reason;
          showReason(text, reason);
          text.focus();
        }
        actions.say(reason, true);
        return out;
      }).finally(() => (sending = false));
    });
  };

  // Over a redraw: an open form stays open as it was; the one whose send was stored closes (its entry shows above).
  const kept = drafts.keep<OpenForm>(base, (saved) => (shown && !(saved && sending) ? { ...shown, words: words?.value ?? shown.words } : undefined));
  open.addEventListener('click', async () => {
    if (open.disabled) return;
    open.disabled = true;
    const refused = document.getElementById(`${openId}-reason`);
    refused?.remove();
    try {
      const read = await actions.readPutBefore(p.groupId, p.id);
      if (!read.ok) {
        // Why it cannot go: next to the button, and in the status line.
        open.after(h('p', { id: `${openId}-reason`, class: 'field-error' }, read.reason));
        actions.say(read.reason, true);
        return;
      }
      draw({ form: read.form, words: '', key: crypto.randomUUID() });
      words?.focus();
    } finally {
      open.disabled = false;
    }
  });
  area.append(open);
  if (kept) draw(kept);
  return area;
}

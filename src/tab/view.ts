import type { AccountabilityNote } from '../domain/verantwoording/accountability-note';
import type { ProfTraject } from '../domain/verantwoording/prof-traject';
import type { CycleEntry, PutBeforeEntry, VerantwoordingOverview } from '../usecases/verantwoording/overview';
import type { TabOverview } from '../web/verantwoording/tab-api';
import { domId, h } from './dom';
import type { Drafts } from './drafts';
import { limitLength, numberField, numberText, Outcome, submit, TEXT_LIMITS, typedNumber, unreadNumber } from './forms';
import type { T, TabLocale } from './i18n';
import { PutBeforeActions, putBeforeBlock } from './put-before';

export type Kind = 'note' | 'answer' | 'profTraject' | 'time';

/** The member's pass-ons to L&O (GET /api/verantwoording/learning-needs). */
export interface LearningNeeds {
  themes: string[];
  minimum: number;
  /** `rev`: the need's revision, sent back with a change (absent from servers before revisions). */
  items: { answerId: string; status: 'pending' | 'sealing' | 'handedOver'; theme?: string; text?: string; rev?: number }[];
  /** L&O's current offers: for the themes still held, and (`all`) every theme once a need was handed over. */
  offers?: { byTheme: LoOfferShown[]; all?: LoOfferShown[] };
}

/** One of L&O's offers as the tab shows it: the words as written, the link as a link. */
interface LoOfferShown {
  theme: string;
  text: string;
  link?: string;
}

/** L&O's offers next to the member's need: what L&O offers for its theme (or, handed over, for every theme). */
function loOffers(offers: readonly LoOfferShown[], t: T, all: boolean): HTMLElement[] {
  if (!offers.length) return [];
  return [
    ...(all ? [h('p', { class: 'muted small' }, t('loOffer.member.allIntro'))] : []),
    ...offers.map((o) =>
      h(
        'div',
        { class: 'lo-offer' },
        h('p', { class: 'small' }, h('strong', {}, t('loOffer.member.offer', { theme: t(`verantwoording.learningNeed.theme.${o.theme}`) }))),
        h('p', { class: 'pre' }, o.text),
        o.link ? h('p', { class: 'small' }, h('a', { href: o.link, target: '_blank', rel: 'noopener noreferrer' }, t('loOffer.member.openLink'))) : null,
      ),
    ),
  ];
}

/** The question whose answer can be passed on to L&O as a learning need. */
const LEARNING_NEED_QUESTION_ID = 9;
export type Visibility = 'private' | 'shared';

/** A week's hours as stored, with their revision: what a correction stands on. */
export interface StoredHours {
  hours: number;
  rev: number;
}

/**
 * What the page can do; each returns when the server has answered (and, once stored, the page
 * re-rendered). The forms' actions say how it ended: a refused input comes back to its form,
 * which keeps what was typed and puts the reason next to the field.
 */
export interface Actions extends PutBeforeActions {
  /** Says something in the page's status line. */
  say(text: string, error?: boolean): void;
  /**
   * `key` is the form's: the same for a repeated press, so one note is saved. `gone`: the note
   * that key saved was deleted meanwhile, and nothing was saved again (a next press needs a new key).
   */
  addNote(text: string, shared: boolean, key: string): Promise<Outcome>;
  /** Draws the page again as stored, keeping what was typed. */
  refresh(): Promise<void>;
  /** A conflict carries the newer stored version of the note; `gone`: it was deleted meanwhile. */
  saveNote(note: AccountabilityNote, text: string): Promise<Outcome<AccountabilityNote>>;
  /** From the revision the tab showed: a note edited since is not deleted, and the newest is shown. */
  deleteNote(note: Pick<AccountabilityNote, 'id' | 'rev'>): Promise<unknown>;
  /**
   * `visibilityRev`: how often the entry's sharing had changed when the page showed it. Changed
   * meanwhile, nothing changes (the page is redrawn as it stands); stored, the count it has now.
   * `rev`: the revision of the text the page shows beside the box (a note's, the Prof-traject's):
   * written since elsewhere, nothing is shared and the page is redrawn with the newest text.
   */
  setVisibility(kind: Kind, id: string, visibility: Visibility, visibilityRev: number, groupId?: string, rev?: number): Promise<Outcome | { ok: true; visibilityRev: number }>;
  /** `rev`: the revision of the hours the form stands on (`timeRev`). A conflict carries the newer stored figure. */
  saveHours(groupId: string, cycleId: string, hours: number, rev: number): Promise<Outcome<StoredHours>>;
  /**
   * `rev`: the revision the form stands on (0: none yet); `visibilityRev`: its sharing's, as the page
   * showed it. A conflict carries the newer stored version (also when shared since: then it says so).
   */
  saveTraject(learningNeeds: string, talents: string, weeks: number, rev: number, visibilityRev: number): Promise<Outcome<ProfTraject>>;
  download(): Promise<void>;
  /** Not finished: `text` says what became of it (begun, it is not undone), and the confirm button finishes it. */
  erase(): Promise<{ finished: true } | { finished: false; started: boolean; text: string }>;
  /** Shows the manager's prep card as it would be today in `into`. */
  preview(into: HTMLElement): Promise<void>;
  /** `rev`: the revision of the need the control stands on (0: none passed on). Changed since, nothing changes and the page is redrawn as stored. */
  passLearningNeed(answerId: string, theme: string, text: string, rev: number): Promise<Outcome>;
  withdrawLearningNeed(answerId: string, rev: number): Promise<unknown>;
}

const button = (label: string, cls?: string) => h('button', { type: 'button', ...(cls ? { class: cls } : {}) }, label) as HTMLButtonElement;

/** A new key for a new note form: one per note, kept for repeated presses of the same one. */
const newKey = () => crypto.randomUUID();

const INTL: Record<TabLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A note's day as the chat's card gives it: in the organisation's zone (`timeZone`), never the
 * device's (a VDI in UTC, someone travelling). A zone this browser does not know dates in the
 * device's zone rather than leave the page empty.
 */
export function noteDateFormat(locale: TabLocale, timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(INTL[locale], { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(INTL[locale], options);
  }
}

/**
 * The ids of a note's Edit and Delete buttons: the same on every drawing of the note, so focus
 * finds its way back to them when the note or the whole page is drawn again.
 */
const noteButtonId = (action: 'edit' | 'delete', noteId: string) => domId(`note-${action}`, noteId);

const present = (...nodes: (HTMLElement | null)[]): HTMLElement[] => nodes.filter((n): n is HTMLElement => n !== null);

/**
 * After a change redrew the page: when the focus was lost (the control it was on is gone), it goes
 * to the first of `ids` on the page, so a keyboard or screen-reader user goes on where they were
 * instead of at the top of the page.
 */
function focusIfLost(...ids: string[]): void {
  if (document.activeElement && document.activeElement !== document.body) return;
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) return el.focus();
  }
}

/**
 * `visibilityRev`: how often the entry's sharing had changed when it was loaded; it goes with the
 * change, so a change made elsewhere since is not undone from a page that never showed it.
 * `describedBy`: the ids of what the box shares (its title or text): every box has the same
 * label, and a screen reader tells them apart by this description. `textRev`: the revision of
 * the text shown beside the box (a note's, the Prof-traject's), which a share goes with.
 */
function shareToggle(t: T, kind: Kind, id: string, visibility: Visibility, visibilityRev: number | undefined, actions: Actions, describedBy: string, groupId?: string, textRev?: number): HTMLElement {
  const inputId = domId(`share-${kind}`, `${groupId ?? ''}${id}`);
  const box = h('input', { type: 'checkbox', id: inputId, checked: visibility === 'shared', 'aria-describedby': describedBy }) as HTMLInputElement;
  /** The sharing as last stored from here: when the redraw after a change fails, the box stays and goes on from it. */
  let shown = { visibility, rev: visibilityRev ?? 0 };
  // The click flips the box before anything is stored: one request at a time, and a refused change
  // puts it back, so the box never claims a visibility that is not stored.
  box.addEventListener('change', async () => {
    box.disabled = true;
    const wanted: Visibility = box.checked ? 'shared' : 'private';
    try {
      const out = await actions.setVisibility(kind, id, wanted, shown.rev, groupId, textRev);
      if (out.ok) shown = { visibility: wanted, rev: 'visibilityRev' in out ? out.visibilityRev : shown.rev };
      else box.checked = shown.visibility === 'shared';
    } finally {
      box.disabled = false;
    }
  });
  return h('div', { class: 'share' }, box, h('label', { for: inputId, class: 'inline' }, t('verantwoording.tab.sharedLabel')));
}

/** A learning-need control's typed and unsaved choice, kept over a redraw. */
interface LearningNeedDraft {
  theme: string;
  text: string;
  /** The revision of the need the typing stood on: changed since, the redraw shows the stored need beside it. */
  rev?: number;
  /** The stored need was shown beside the typing: it stays until saved or taken. */
  newer?: boolean;
}

/** The revision a learning need's control stands on: 0 when none is passed on; 1 from a server before revisions. */
const needRev = (need?: { rev?: number }) => (need ? (need.rev ?? 1) : 0);

/** The need as stored now, shown beside what was typed on a view from before it (changed on the chat's card). */
function storedNeed(answerId: string, current: LearningNeeds['items'][number] | undefined, t: T): HTMLElement {
  const titleId = domId('ln-newer', answerId);
  return h(
    'div',
    { class: 'newer', role: 'group', 'aria-labelledby': titleId },
    h('p', { id: titleId, class: 'newer-title' }, t('verantwoording.tab.newerVersion')),
    current?.theme ? h('p', {}, `${t('verantwoording.learningNeed.themeLabel')}: ${t(`verantwoording.learningNeed.theme.${current.theme}`)}`) : h('p', {}, t('verantwoording.learningNeed.tab.noneStored')),
    current?.text ? h('p', { class: 'pre' }, `${t('verantwoording.learningNeed.textLabel')}: ${current.text}`) : null,
  );
}

/**
 * A change typed on the control before the weekly handover took the need (pressed too late, or
 * redrawn after it): it cannot be saved any more, so its words stay on the page to copy, as the
 * chat's card gives them back. Kept for later redraws too, until the page is left.
 */
function unsavedLearningNeed(answerId: string, themeId: string, t: T, drafts: Drafts): HTMLElement[] {
  const kept: LearningNeedDraft | undefined = drafts.keep<LearningNeedDraft>(themeId, () => kept);
  if (!kept?.text.trim()) return [];
  const id = domId('ln-unsaved', answerId);
  return [h('label', { for: id }, t('verantwoording.learningNeed.unsaved')), h('textarea', { id, readonly: true, value: kept.text })];
}

/** Next to an answer to question 9: pass its learning need on to L&O anonymously, or withdraw it until the handover. */
function learningNeedControl(answerId: string, needs: LearningNeeds, t: T, actions: Actions, drafts: Drafts): HTMLElement {
  const current = needs.items.find((i) => i.answerId === answerId);
  const box = h('fieldset', { class: 'learning-need' }, h('legend', {}, t('verantwoording.learningNeed.tab.label')));
  const themeId = domId('ln-theme', answerId);
  const textId = domId('ln-text', answerId);
  if (current?.status === 'handedOver') {
    box.append(h('p', { class: 'small' }, t('verantwoording.learningNeed.status.handedOver')), ...unsavedLearningNeed(answerId, themeId, t, drafts), ...loOffers(needs.offers?.all ?? [], t, true));
    return box;
  }
  const theme = h('select', { id: themeId }, h('option', { value: '' }, '—'), ...needs.themes.map((th) => h('option', { value: th, selected: current?.theme === th }, t(`verantwoording.learningNeed.theme.${th}`)))) as HTMLSelectElement;
  const text = limitLength(h('input', { type: 'text', id: textId, value: current?.text ?? '', placeholder: t('verantwoording.learningNeed.textPlaceholder') }) as HTMLInputElement, 'learningNeed', 'learningNeedText', TEXT_LIMITS.learningNeed, t);
  const pass = button(t(current ? 'verantwoording.learningNeed.update' : 'verantwoording.learningNeed.pass'), 'primary');
  // Stable ids: the focus finds its way back to the button after the redraw a stored change brings.
  pass.id = domId('ln-pass', answerId);
  /** The revision a save stands on: the loaded one. Typing begun on an older one is shown the stored need beside it first (below). */
  const rev = needRev(current);
  let newer: HTMLElement | null = null;
  const keepNewer = button(t('verantwoording.tab.keepNewer'));
  const kept = drafts.keep(themeId, (saved): LearningNeedDraft | undefined =>
    (saved && pass.disabled) || (theme.value === (current?.theme ?? '') && text.value === (current?.text ?? '')) ? undefined : { theme: theme.value, text: text.value, rev, newer: !!newer },
  );
  if (kept) [theme.value, text.value] = [kept.theme, kept.text];
  // Typed on a view the need changed since (a save refused for it, or a redraw that found it
  // changed): the stored need stands beside the typing, which saved again now goes over it knowingly.
  if (kept && (kept.newer || (kept.rev !== undefined && kept.rev !== rev))) newer = storedNeed(answerId, current, t);
  keepNewer.hidden = !newer;
  keepNewer.addEventListener('click', () => {
    [theme.value, text.value] = [current?.theme ?? '', current?.text ?? ''];
    newer?.remove();
    newer = null;
    keepNewer.hidden = true;
  });
  pass.addEventListener('click', () => void submit(pass, 'learningNeed', { theme, learningNeedText: text, text }, t, actions.say, () => actions.passLearningNeed(answerId, theme.value, text.value, rev)));
  box.append(
    h('p', { class: 'muted small' }, t('verantwoording.learningNeed.explain', { min: needs.minimum })),
    h('p', { class: 'muted small' }, t('verantwoording.learningNeed.withdrawRule', { min: needs.minimum })),
    // Held by the weekly handover right now: it may still be given back, so it can still be changed or withdrawn (noted for the handover).
    ...(current ? [h('p', { class: 'small' }, t(`verantwoording.learningNeed.status.${current.status === 'sealing' ? 'sealing' : 'pending'}`, { theme: t(`verantwoording.learningNeed.theme.${current.theme}`) }))] : []),
    h('label', { for: themeId }, t('verantwoording.learningNeed.themeLabel')),
    theme,
    h('label', { for: textId }, t('verantwoording.learningNeed.textLabel')),
    text,
    ...present(newer),
    h(
      'div',
      { class: 'row' },
      pass,
      keepNewer,
      current
        ? h(
            'button',
            {
              type: 'button',
              id: domId('ln-withdraw', answerId),
              // Withdrawn, the button is gone: the focus goes to passing it on again.
              onclick: async () => {
                await actions.withdrawLearningNeed(answerId, needRev(current));
                focusIfLost(pass.id);
              },
            },
            t('verantwoording.learningNeed.withdraw'),
          )
        : null,
    ),
    ...loOffers((needs.offers?.byTheme ?? []).filter((o) => current?.theme === o.theme), t, false),
  );
  return box;
}

function trajectSection(o: VerantwoordingOverview, t: T, actions: Actions, drafts: Drafts): HTMLElement {
  const p = o.profTraject;
  /** The version the form stands on: as loaded, or the newer one a save collided with. Its revision goes with the save. */
  let base = p;
  const needs = limitLength(h('textarea', { id: 'traject-needs', value: p?.learningNeeds ?? '', placeholder: t('verantwoording.traject.learningNeedsPlaceholder') }) as HTMLTextAreaElement, 'traject', 'learningNeeds', TEXT_LIMITS.traject, t);
  const talents = limitLength(h('textarea', { id: 'traject-talents', value: p?.talents ?? '', placeholder: t('verantwoording.traject.talentsPlaceholder') }) as HTMLTextAreaElement, 'traject', 'talents', TEXT_LIMITS.traject, t);
  const weeks = numberField('traject-weeks', String(p?.plannedWeeks ?? 20), 1, 52, true);
  const save = button(t('verantwoording.tab.saveTraject'), 'primary');
  save.id = 'save-traject';
  const keepNewer = button(t('verantwoording.tab.keepNewer'));
  keepNewer.hidden = true;
  const newer = h('div', { class: 'newer', role: 'group', 'aria-labelledby': 'traject-newer-title' });
  newer.hidden = true;
  // Saved elsewhere (the chat) since the tab read it: what was typed stays in the form, the newer
  // stored version stands beside it, and the person chooses: theirs over it, or the newer one.
  const showNewer = (n: ProfTraject) => {
    newer.replaceChildren(
      h('p', { id: 'traject-newer-title', class: 'newer-title' }, t('verantwoording.tab.newerVersion')),
      h('p', { class: 'pre' }, `${t('verantwoording.traject.learningNeeds')}: ${n.learningNeeds}`),
      h('p', { class: 'pre' }, `${t('verantwoording.traject.talents')}: ${n.talents}`),
      h('p', {}, t('verantwoording.traject.weeks', { count: n.plannedWeeks })),
      // Shared (since the form was opened, perhaps): saving theirs over it puts it before the manager.
      ...(n.visibility === 'shared' ? [h('p', { class: 'newer-title' }, t('verantwoording.editShared.trajectNotice'))] : []),
    );
    newer.hidden = false;
    keepNewer.hidden = false;
    save.textContent = t('verantwoording.tab.saveMineOver');
  };
  const settle = () => {
    newer.hidden = true;
    keepNewer.hidden = true;
    save.textContent = t('verantwoording.tab.saveTraject');
  };
  keepNewer.addEventListener('click', () => {
    if (!base) return;
    needs.value = base.learningNeeds;
    talents.value = base.talents;
    weeks.value = String(base.plannedWeeks);
    settle();
  });
  /** The fields as `b` fills them: typed text differs from these until it is saved. */
  const filled = (b?: ProfTraject) => [b?.learningNeeds ?? '', b?.talents ?? '', String(b?.plannedWeeks ?? 20)];
  const kept = drafts.keep('traject', (saved) => {
    const typed = [needs.value, talents.value, weeks.value];
    if ((saved && save.disabled) || (newer.hidden && typed.join('\0') === filled(base).join('\0'))) return undefined;
    return { typed, base, newer: !newer.hidden };
  });
  if (kept) {
    [needs.value, talents.value, weeks.value] = kept.typed as [string, string, string];
    // The revision the typing stood on goes with it: changed elsewhere since, the save still collides.
    base = kept.base;
    if (kept.newer && base) showNewer(base);
  }
  save.addEventListener('click', async () => {
    const out = await submit(save, 'traject', { learningNeeds: needs, talents, plannedWeeks: weeks }, t, actions.say, async () => {
      const planned = typedNumber(weeks);
      // An empty field is refused here, never sent as 0; so is text that is no number.
      if (planned === undefined) return { ok: false, refusal: unreadNumber(weeks, 'plannedWeeks') };
      return actions.saveTraject(needs.value, talents.value, planned, base ? (base.rev ?? 1) : 0, base?.visibilityRev ?? 0);
    });
    if (!out.ok && out.conflict) {
      base = out.conflict;
      showNewer(out.conflict);
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'h-traject' },
    h('h2', { id: 'h-traject' }, t('verantwoording.traject.title')),
    h('p', { class: 'muted' }, p ? t('verantwoording.traject.weeks', { count: p.plannedWeeks }) : t('verantwoording.traject.missing')),
    // Their own count ("12 van 20 actieve weken"): theirs alone, as the tab is. What an active week
    // is stands under it as text (a tooltip alone reaches neither the keyboard nor a touch screen).
    ...(o.trajectProgress
      ? [
          h(
            'p',
            { id: 'traject-progress', title: t('verantwoording.traject.progressHint'), 'aria-describedby': 'traject-progress-hint' },
            t('verantwoording.traject.progress', { active: o.trajectProgress.activeWeeks, count: o.trajectProgress.plannedWeeks }),
          ),
          h('p', { id: 'traject-progress-hint', class: 'muted small' }, t('verantwoording.traject.progressHint')),
        ]
      : []),
    h('label', { for: 'traject-needs' }, t('verantwoording.traject.learningNeeds')),
    needs,
    h('label', { for: 'traject-talents' }, t('verantwoording.traject.talents')),
    talents,
    h('label', { for: 'traject-weeks' }, t('verantwoording.traject.plannedWeeks')),
    weeks,
    newer,
    h('div', { class: 'row' }, save, keepNewer),
    p ? shareToggle(t, 'profTraject', p.id, p.visibility, p.visibilityRev, actions, 'h-traject', undefined, p.rev ?? 1) : null,
  );
}

/** What says before a proposal's text that AI wrote it; the group's own words carry none. */
const AI_LABELS: Partial<Record<CycleEntry['proposals'][number]['source'], string>> = {
  aiDraft: 'verantwoording.proposal.aiDraft',
  adoptedAiDraft: 'verantwoording.proposal.adoptedAi',
  adaptedFromAiDraft: 'verantwoording.proposal.adaptedFromAi',
};

/**
 * One proposal the member contributed to. Only the group's own words go unlabelled: an undecided
 * AI draft says before its text that it is the AI's concept the group has not judged, an AI draft
 * the group adopted as it is says AI drafted it, words the group made from an AI draft say so; a
 * rejection keeps no text, so its status comes
 * with the group's reason.
 */
function proposalItem(p: CycleEntry['proposals'][number], t: T, putBefore: PutBeforeShown): HTMLElement {
  const reason = p.status === 'reject' && p.reason ? [t('verantwoording.proposal.reason', { reason: p.reason })] : [];
  const aiLabel = AI_LABELS[p.source];
  return h(
    'li',
    {},
    aiLabel ? h('p', {}, h('strong', {}, t(aiLabel))) : null,
    p.text || p.status !== 'reject' ? h('p', { class: 'pre' }, p.text || t('verantwoording.proposal.noText')) : null,
    h('p', { class: 'muted small' }, [t(`verantwoording.proposal.status.${p.status}`), ...reason].join(' · ')),
    loBlock(p, t, putBefore.dates),
    putBeforeBlock(p, putBefore.entries, t, putBefore.dates, putBefore.form),
  );
}

/** Under a proposal the group shared with L&O: when, and L&O's latest answer with its day, as text (the chat's words). */
function loBlock(p: CycleEntry['proposals'][number], t: T, dates: Intl.DateTimeFormat): HTMLElement | null {
  if (!p.lo) return null;
  const day = (iso: string) => dates.format(new Date(iso));
  const answer = p.lo.answer;
  return h(
    'div',
    { class: 'shared-with-lo' },
    h('p', { class: 'small' }, h('strong', {}, t('proposalToLo.sharedOn', { date: day(p.lo.sharedAt) }))),
    answer ? h('p', { class: 'muted small' }, t('proposalToLo.answerFromLo', { date: day(answer.at) })) : null,
    answer ? h('p', { class: 'pre answer' }, answer.text) : null,
  );
}

/** The times the member put proposals before their manager (the overview's own records), and the day format they are dated in. */
interface PutBeforeShown {
  entries: readonly PutBeforeEntry[];
  dates: Intl.DateTimeFormat;
  /** The form to put a proposal before the manager from the tab. */
  form?: { actions: PutBeforeActions; drafts: Drafts };
}

function cycleArticle(c: CycleEntry, t: T, locale: TabLocale, actions: Actions, drafts: Drafts, putBefore: PutBeforeShown, needs?: LearningNeeds): HTMLElement {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  const hoursId = domId('hours', c.cycleId);
  const fmtHours = (n: number) => new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 }).format(n);
  /** A figure as the field shows it: "2,5" on a Dutch page. */
  const shown = (n: number) => numberText(n, INTL[locale]);
  const hours = numberField(hoursId, shown(c.hours), 0, 40, false);
  const saveHours = button(t('verantwoording.tab.saveHours'));
  saveHours.id = domId('save-hours', `${c.groupId}${c.cycleId}`);
  const titleId = domId('cycle', `${c.groupId}${c.cycleId}`);
  /** The figure the form stands on: as loaded, or the newer one a save collided with. Its revision goes with the save. */
  let base: StoredHours = { hours: c.hours, rev: c.timeRev };
  const keepNewer = button(t('verantwoording.tab.keepNewer'));
  keepNewer.hidden = true;
  const newerId = domId('hours-newer', `${c.groupId}${c.cycleId}`);
  const newer = h('div', { class: 'newer', role: 'group', 'aria-labelledby': newerId });
  newer.hidden = true;
  // Corrected elsewhere (the chat) since the tab read it: the typed figure stays in the field, the
  // newer stored figure stands beside it, and the person chooses: theirs over it, or the newer one.
  const showNewer = (n: StoredHours) => {
    newer.replaceChildren(h('p', { id: newerId, class: 'newer-title' }, t('verantwoording.tab.newerVersion')), h('p', {}, t('verantwoording.cycle.hours', { count: n.hours, hours: fmtHours(n.hours) })));
    newer.hidden = false;
    keepNewer.hidden = false;
    saveHours.textContent = t('verantwoording.tab.saveMyHoursOver');
  };
  keepNewer.addEventListener('click', () => {
    hours.value = shown(base.hours);
    newer.hidden = true;
    keepNewer.hidden = true;
    saveHours.textContent = t('verantwoording.tab.saveHours');
  });
  if (c.correctable) {
    const kept = drafts.keep(newerId, (saved) =>
      (saved && saveHours.disabled) || (newer.hidden && hours.value === shown(base.hours)) ? undefined : { typed: hours.value, base, newer: !newer.hidden },
    );
    if (kept) {
      hours.value = kept.typed;
      // The revision the typing stood on goes with it: corrected elsewhere since, the save still collides.
      base = kept.base;
      if (kept.newer) showNewer(base);
    }
  }
  saveHours.addEventListener('click', async () => {
    const out = await submit(saveHours, 'hours', { hours }, t, actions.say, async () => {
      const figure = typedNumber(hours);
      // An empty field is refused here, never stored as 0 hours; so is text that is no number ("1.000" could be a thousand).
      if (figure === undefined) return { ok: false, refusal: unreadNumber(hours, 'hours') };
      return actions.saveHours(c.groupId, c.cycleId, figure, base.rev);
    });
    if (!out.ok && out.conflict) {
      base = out.conflict;
      showNewer(out.conflict);
    }
  });
  const fmt = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 });
  return h(
    'article',
    { class: 'card' },
    h('h3', { id: titleId }, title),
    h('p', {}, `${t('verantwoording.cycle.time')}: ${t('verantwoording.cycle.hours', { count: c.hours, hours: fmt.format(c.hours) })} · ${t('verantwoording.cycle.sessions', { count: c.sessionsAttended })}${c.hoursCorrected ? ` · ${t('verantwoording.cycle.corrected')}` : ''}`),
    c.correctable
      ? h(
          'div',
          {},
          h('label', { for: hoursId }, t('verantwoording.tab.hoursLabel')),
          h('div', { class: 'row' }, hours, saveHours, keepNewer),
          newer,
          shareToggle(t, 'time', c.cycleId, c.timeVisibility, c.timeVisibilityRev, actions, titleId, c.groupId),
        )
      : null,
    c.proposals.length
      ? h(
          'div',
          {},
          h('h4', {}, t('verantwoording.cycle.proposals')),
          h('ul', {}, ...c.proposals.map((p) => proposalItem(p, t, putBefore))),
        )
      : null,
    c.answers.length
      ? h(
          'div',
          {},
          h('h4', {}, t('verantwoording.cycle.answers')),
          ...c.answers.map((a) =>
            h(
              'div',
              { class: 'card' },
              h('p', { class: 'muted small', id: domId('answer-q', a.id) }, `${a.questionId}. ${a.question}`),
              h('p', { class: 'pre' }, a.text),
              // Described by its week and question: the answer's own text may be long.
              shareToggle(t, 'answer', a.id, a.visibility, a.visibilityRev, actions, `${titleId} ${domId('answer-q', a.id)}`, undefined, a.rev),
              needs && a.questionId === LEARNING_NEED_QUESTION_ID ? learningNeedControl(a.id, needs, t, actions, drafts) : null,
            ),
          ),
        )
      : null,
  );
}

/**
 * An open note editor's unsaved state, kept over a redraw: the typed text, the version it stands
 * on (its revision goes with the save), what stood beside it, and the key of a save as a new note.
 */
interface EditorDraft {
  text: string;
  base: AccountabilityNote;
  pane: 'edit' | 'newer' | 'gone';
  key: string;
}

/**
 * `dates`: how its creation day is written. `gone`: the note is no longer stored, and its editor
 * (kept in `drafts`) comes back to offer saving the text as a new note.
 */
function noteItem(note: AccountabilityNote, t: T, dates: Intl.DateTimeFormat, actions: Actions, drafts: Drafts, gone = false): HTMLElement {
  /** The note as last seen stored: after a conflict, the newer version (its text and revision). */
  let n = note;
  /** The open editor, read when the page is redrawn. */
  let open: { area: HTMLTextAreaElement; buttons: HTMLButtonElement[]; draft: () => EditorDraft } | undefined;
  const li = h('li', { class: 'card', 'data-note-id': n.id });
  const date = dates.format(new Date(n.createdAt));
  /** The note's text: what tells its controls apart from every other note's (the same labels) to a screen reader. */
  const textId = domId('note-text', n.id);
  /**
   * Draws the note. `returnTo`: the button whose panel (editor, delete confirmation) closed: it
   * gets the focus back, so a keyboard or screen-reader user goes on where they were instead of
   * at the top of the page (the panel held the focus and is gone).
   */
  const show = (returnTo?: 'edit' | 'delete') => {
    open = undefined;
    li.replaceChildren(
      ...present(
      h('p', { class: 'pre', id: textId }, n.text),
      h(
        'p',
        { class: 'muted small' },
        date,
        n.source ? ` · ${t('verantwoording.tab.noteFromMessage')}` : '',
        n.visibility === 'shared' ? h('span', { class: 'badge-shared' }, ` · ${t('verantwoording.visibility.shared')}`) : ` · ${t('verantwoording.visibility.private')}`,
      ),
      n.source?.link ? h('p', { class: 'small' }, h('a', { href: n.source.link, target: '_blank', rel: 'noopener noreferrer' }, t('verantwoording.tab.openMessage'))) : null,
      shareToggle(t, 'note', n.id, n.visibility, n.visibilityRev, actions, textId, undefined, n.rev),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', id: noteButtonId('edit', n.id), 'aria-describedby': textId, onclick: () => edit() }, t('verantwoording.tab.editNote')),
        h('button', { type: 'button', class: 'danger', id: noteButtonId('delete', n.id), 'aria-describedby': textId, onclick: confirmDelete }, t('verantwoording.tab.deleteNote')),
      ),
      ),
    );
    if (returnTo) li.querySelector<HTMLButtonElement>(`#${noteButtonId(returnTo, n.id)}`)?.focus();
  };
  /** Opens the editor: fresh on the note as shown, or as a redraw found it (`kept`). */
  const edit = (kept?: EditorDraft) => {
    /** The version the editor stands on: its revision goes with the save. */
    let base = kept?.base ?? n;
    let pane: EditorDraft['pane'] = 'edit';
    const areaId = domId('edit', n.id);
    const area = limitLength(h('textarea', { id: areaId, value: kept?.text ?? n.text }) as HTMLTextAreaElement, 'note', 'text', TEXT_LIMITS.note, t);
    const save = button(t('verantwoording.save'), 'primary');
    const cancel = button(t('verantwoording.tab.cancel'));
    cancel.addEventListener('click', () => {
      if (pane !== 'gone') return show('edit');
      // Its note is gone: cancelling leaves nothing to show or to keep. The focus goes on to the next note, else the Notities heading.
      open = undefined;
      const next = li.nextElementSibling?.getAttribute('data-note-id');
      li.remove();
      focusIfLost(...(next ? [noteButtonId('edit', next)] : []), 'h-notes');
    });
    const editor = h('div', {}, h('label', { for: areaId }, t('verantwoording.tab.editNoteLabel')), area);
    const content = h('div', {}, editor);
    const row = h('div', { class: 'row' }, save, cancel);
    // Changed elsewhere meanwhile: what was typed stays in the editor, the newer stored version
    // stands beside it, and the person chooses: their text over it (with its revision), or the newer one.
    const showNewer = () => {
      const newerId = domId('newer', n.id);
      pane = 'newer';
      content.className = 'conflict';
      content.replaceChildren(
        editor,
        h(
          'div',
          { class: 'newer', role: 'group', 'aria-labelledby': newerId },
          h('p', { id: newerId, class: 'newer-title' }, t('verantwoording.tab.newerVersion')),
          h('p', { class: 'pre' }, n.text),
          // Shared (since the editor was opened, perhaps): saving theirs over it puts it before the manager.
          n.visibility === 'shared' ? h('p', { class: 'newer-title' }, t('verantwoording.editShared.noteNotice')) : null,
        ),
      );
      save.textContent = t('verantwoording.tab.saveMineOver');
      cancel.textContent = t('verantwoording.tab.keepNewer');
    };
    // Deleted elsewhere meanwhile: the text cannot be saved on it any more, but it stays in the
    // editor and can be kept as a new note (as the chat offers). One key per text, as the new-note form.
    let key = kept?.key ?? newKey();
    let sent = false;
    area.addEventListener('input', () => {
      if (sent) [key, sent] = [newKey(), false];
    });
    const saveAsNew = button(t('verantwoording.notes.saveAsNew'), 'primary');
    saveAsNew.addEventListener('click', async () => {
      if (saveAsNew.disabled) return;
      sent = true;
      const out = await submit(saveAsNew, 'note', { text: area }, t, actions.say, () => actions.addNote(area.value, false, key));
      // The note this key saved was deleted meanwhile: the text stays, and a next press adds it anew.
      if (!out.ok && out.gone) [key, sent] = [newKey(), false];
    });
    const showGone = () => {
      const noticeId = domId('gone', n.id);
      pane = 'gone';
      content.className = '';
      content.replaceChildren(h('p', { id: noticeId, class: 'newer-title' }, t('verantwoording.tab.noteDeletedElsewhere')), editor);
      area.setAttribute('aria-describedby', noticeId);
      row.replaceChildren(saveAsNew, cancel);
      cancel.textContent = t('verantwoording.tab.cancel');
    };
    save.addEventListener('click', async () => {
      const out = await submit(save, 'note', { text: area }, t, actions.say, () => actions.saveNote({ ...n, rev: base.rev, visibilityRev: base.visibilityRev }, area.value));
      // Saved: the editor is gone with the redraw, and the focus goes to the note's Bewerken.
      if (out.ok) focusIfLost(noteButtonId('edit', n.id));
      if (!out.ok && out.conflict) {
        n = base = out.conflict;
        showNewer();
      }
      if (!out.ok && out.gone) showGone();
    });
    open = { area, buttons: [save, saveAsNew], draft: () => ({ text: area.value, base, pane, key }) };
    li.replaceChildren(content, row);
    if (gone || kept?.pane === 'gone') showGone();
    else if (kept?.pane === 'newer') showNewer();
    if (!kept) area.focus();
  };
  /**
   * Asks before deleting. The focus goes to the question (the panel, which a screen reader reads
   * with the note's text), never to "Ja, verwijderen": a held or doubled Enter on Verwijderen
   * cannot answer what its first press asked. The answer is sent once (disabled while it runs).
   */
  const confirmDelete = () => {
    const asked = li.querySelector<HTMLElement>('.confirm');
    if (asked) return asked.focus();
    const questionId = domId('confirm-delete', n.id);
    const yes = button(t('verantwoording.tab.yesDelete'), 'danger');
    const panel = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': questionId, 'aria-describedby': textId, tabindex: -1 },
      h('p', { id: questionId }, t('verantwoording.tab.confirmDelete')),
      h('div', { class: 'row' }, yes, h('button', { type: 'button', onclick: () => show('delete') }, t('verantwoording.tab.cancel'))),
    );
    yes.addEventListener('click', async () => {
      if (yes.disabled) return;
      yes.disabled = true;
      const next = li.nextElementSibling?.getAttribute('data-note-id');
      try {
        await actions.deleteNote(n);
      } finally {
        yes.disabled = false;
      }
      // Kept (changed meanwhile): its Verwijderen. Deleted: the next note's Bewerken, else the Notities heading.
      focusIfLost(noteButtonId('delete', n.id), ...(next ? [noteButtonId('edit', next)] : []), 'h-notes');
    });
    li.append(panel);
    panel.focus();
  };
  const kept = drafts.keep(editingKey(note.id), (saved): EditorDraft | undefined => (!open || (saved && open.buttons.some((b) => b.disabled)) ? undefined : open.draft()));
  show();
  if (kept) edit(kept);
  return li;
}

const editingKey = (noteId: string) => domId('editing', noteId);

function notesSection(o: TabOverview, t: T, locale: TabLocale, actions: Actions, drafts: Drafts): HTMLElement {
  const text = limitLength(h('textarea', { id: 'new-note', placeholder: t('verantwoording.notes.addPlaceholder') }) as HTMLTextAreaElement, 'note', 'text', TEXT_LIMITS.note, t);
  const shared = h('input', { type: 'checkbox', id: 'new-note-shared' }) as HTMLInputElement;
  // One key per note: a double click or a retry after a lost answer saves that note once. Changed
  // after it was sent, it is another note (so a changed text is never answered with the old one).
  let key = newKey();
  let sent = false;
  const another = () => {
    if (sent) [key, sent] = [newKey(), false];
  };
  text.addEventListener('input', another);
  shared.addEventListener('change', another);
  const add = button(t('verantwoording.tab.addNote'), 'primary');
  add.id = 'add-note';
  // The key goes with the draft: a press after the redraw is still the same note.
  const kept = drafts.keep('new-note', (saved) => ((saved && add.disabled) || (!text.value && !shared.checked) ? undefined : { text: text.value, shared: shared.checked, key, sent }));
  if (kept) [text.value, shared.checked, key, sent] = [kept.text, kept.shared, kept.key, kept.sent];
  add.addEventListener('click', async () => {
    if (add.disabled) return;
    sent = true;
    const out = await submit(add, 'note', { text }, t, actions.say, () => actions.addNote(text.value, shared.checked, key));
    // Stored: the form starts empty with a new key. When the redraw failed this form is still on
    // the page, and the stored text left in it would be saved again as a second note.
    if (out.ok) [text.value, shared.checked, key, sent] = ['', false, newKey(), false];
    // Saved by an earlier press whose answer was lost, and deleted since: the key's note stays
    // deleted. The text stays with a new key, so a next press (on purpose) adds it anew, and the
    // page is drawn as stored, without the deleted note.
    if (!out.ok && out.gone) {
      [key, sent] = [newKey(), false];
      await actions.refresh();
    }
  });
  const dates = noteDateFormat(locale, o.timeZone);
  const items = o.notes.map((n) => noteItem(n, t, dates, actions, drafts));
  // An editor whose note was deleted elsewhere meanwhile: its typed text stays on the page, offered as a new note.
  const orphans = drafts.left<EditorDraft>(editingKey('')).filter((d) => d.pane === 'gone' || d.text !== d.base.text);
  items.unshift(...orphans.map((d) => noteItem(d.base, t, dates, actions, drafts, true)));
  return h(
    'section',
    { 'aria-labelledby': 'h-notes' },
    // Focusable by script only: where the focus goes when the last note is deleted.
    h('h2', { id: 'h-notes', tabindex: -1 }, t('verantwoording.notes.title')),
    h('label', { for: 'new-note' }, t('verantwoording.tab.newNote')),
    text,
    h('div', { class: 'share' }, shared, h('label', { for: 'new-note-shared', class: 'inline' }, t('verantwoording.tab.newNoteShared'))),
    h('div', { class: 'row' }, add),
    items.length ? h('ul', { class: 'plain', id: 'notes' }, ...items) : h('p', { class: 'muted' }, t('verantwoording.notes.none')),
  );
}

const ERASE_BUTTON_ID = 'erase-open';

function myDataSection(t: T, actions: Actions): HTMLElement {
  const zone = h('div', {});
  /** Erases once: the confirm button is disabled while it runs (a second press sends nothing). */
  const erase = async (confirmButton: HTMLButtonElement) => {
    if (confirmButton.disabled) return;
    confirmButton.disabled = true;
    try {
      const outcome = await actions.erase();
      if (!outcome.finished && outcome.text) return unfinished(outcome.started, outcome.text);
      // Erased: the page is drawn anew; the focus stays in this section, on its erase button.
      if (outcome.finished) focusIfLost(ERASE_BUTTON_ID);
    } finally {
      confirmButton.disabled = false;
    }
  };
  /**
   * The confirmation, or after an erasure that did not finish, what became of it and the button to
   * finish it. The focus goes to the panel (a screen reader reads its title and text), never to
   * the erase button in it: a held or doubled Enter on "Al mijn gegevens wissen" cannot confirm
   * what its first press only asked. "Nee, terug" gives the focus back to the button that asked.
   */
  const confirm = (title: string, text: string, label: string, cancel: boolean) => {
    const yes = button(label, 'danger');
    yes.addEventListener('click', () => void erase(yes));
    const back = () => {
      zone.replaceChildren();
      document.getElementById(ERASE_BUTTON_ID)?.focus();
    };
    const panel = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'erase-title', 'aria-describedby': 'erase-text', tabindex: -1 },
      h('h3', { id: 'erase-title' }, title),
      h('p', { id: 'erase-text' }, text),
      h('div', { class: 'row' }, yes, ...(cancel ? [h('button', { type: 'button', onclick: back }, t('verantwoording.erase.cancel'))] : [])),
    );
    zone.replaceChildren(panel);
    panel.focus();
  };
  const ask = () => confirm(t('verantwoording.erase.confirmTitle'), t('verantwoording.erase.confirmText'), t('verantwoording.erase.confirm'), true);
  // Begun, it cannot be called off: no "back" then. Not begun, it may be tried again or left.
  const unfinished = (started: boolean, text: string) =>
    started ? confirm(t('verantwoording.erase.unfinishedTitle'), text, t('verantwoording.erase.finish'), false) : confirm(t('verantwoording.erase.confirmTitle'), text, t('verantwoording.erase.confirm'), true);
  return h(
    'section',
    { 'aria-labelledby': 'h-data' },
    h('h2', { id: 'h-data' }, t('verantwoording.myData.title')),
    h('p', {}, t('verantwoording.myData.intro')),
    h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => void actions.download() }, t('verantwoording.tab.download')), h('button', { type: 'button', class: 'danger', id: ERASE_BUTTON_ID, onclick: ask }, t('verantwoording.tab.erase'))),
    h('p', { class: 'muted small' }, t('verantwoording.myData.eraseIntro')),
    zone,
  );
}

/** Used of granted, and where the granted time comes from. */
function grantedLine(o: VerantwoordingOverview, t: T, fmt: Intl.NumberFormat): HTMLElement {
  const g = o.granted;
  return h(
    'div',
    {},
    h('p', {}, h('strong', {}, t('verantwoording.granted', { used: fmt.format(o.totals.hours), count: g.hours, granted: fmt.format(g.hours) }))),
    h('p', { class: 'muted small' }, t(g.weeksFrom === 'traject' ? 'verantwoording.grantedTraject' : 'verantwoording.grantedDefault', { perWeek: t('verantwoording.perWeek', { count: g.hoursPerWeek, hours: fmt.format(g.hoursPerWeek) }), count: g.weeks })),
  );
}

const DATE: Record<TabLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The manager's side of each conversation (a phase proposal; after the conversation, what they facilitated), and the preview. */
function conversationsSection(o: VerantwoordingOverview, t: T, locale: TabLocale, actions: Actions): HTMLElement {
  const day = (iso: string) => new Intl.DateTimeFormat(DATE[locale], { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  const own = o.profTraject?.maturityPhase;
  const target = h('div', { id: 'preview', 'aria-live': 'polite' });
  return h(
    'section',
    { 'aria-labelledby': 'h-conversations' },
    h('h2', { id: 'h-conversations' }, t('verantwoording.conversations.title')),
    ...o.conversations.map((c) =>
      h(
        'article',
        { class: 'card' },
        h('h3', {}, t('verantwoording.conversations.heading', { date: day(c.date) })),
        c.phaseProposal ? h('p', {}, t('verantwoording.conversations.proposal', { date: day(c.date), phase: t(`talentReview.phase.${c.phaseProposal.phase}.name`) })) : null,
        c.phaseProposal ? h('p', { class: 'muted small' }, own ? t('verantwoording.conversations.ownPhase', { phase: t(`talentReview.phase.${own}.name`) }) : t('verantwoording.conversations.noOwnPhase')) : null,
        c.facilitated
          ? h('div', {}, h('h4', {}, t('verantwoording.conversations.facilitated')), h('p', { class: 'pre' }, c.facilitated.text))
          : h('p', { class: 'muted small' }, t(c.held ? 'verantwoording.conversations.noFacilitation' : 'verantwoording.conversations.facilitatedLater')),
      ),
    ),
    h('p', { class: 'muted' }, t('verantwoording.conversations.previewHint')),
    h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => void actions.preview(target) }, t('verantwoording.conversations.preview'))),
    target,
  );
}

/**
 * An erasure of theirs that began and did not finish (found on loading, e.g. the tab opened again
 * before its resume job ran): said above everything, since all that is shown is still to go and
 * no change is stored until it is done, with the button to finish it now (the erasure again).
 */
function erasureUnfinishedNotice(t: T, actions: Actions): HTMLElement {
  const text = h('p', {}, t('verantwoording.erase.underwayText'));
  const finish = button(t('verantwoording.erase.finish'), 'danger');
  finish.addEventListener('click', async () => {
    if (finish.disabled) return;
    finish.disabled = true;
    try {
      // Finished: the page is drawn anew without this notice. Not finished: what became of it.
      const outcome = await actions.erase();
      if (!outcome.finished && outcome.text) text.textContent = outcome.text;
    } finally {
      finish.disabled = false;
    }
  });
  return h('section', { class: 'confirm', id: 'erasure-unfinished', 'aria-labelledby': 'h-erasure-unfinished' }, h('h2', { id: 'h-erasure-unfinished' }, t('verantwoording.erase.unfinishedTitle')), text, h('div', { class: 'row' }, finish));
}

/** The whole verantwoording: Prof-traject, per week, notes, and "mijn gegevens"; with what `drafts` kept of the typing not yet saved. */
export function renderOverview(o: TabOverview, t: T, locale: TabLocale, actions: Actions, drafts: Drafts, needs?: LearningNeeds): HTMLElement[] {
  const fmt = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 });
  // Dated as the chat's overview dates them: the day, in the organisation's zone.
  const putBefore: PutBeforeShown = { entries: o.putBefore ?? [], dates: noteDateFormat(locale, o.timeZone), form: { actions, drafts } };
  return [
    ...(o.erasureUnfinished ? [erasureUnfinishedNotice(t, actions)] : []),
    h(
      'p',
      { class: 'muted' },
      t('verantwoording.totals.line', {
        hours: t('verantwoording.totals.hours', { count: o.totals.hours, hours: fmt.format(o.totals.hours) }),
        weeks: t('verantwoording.totals.weeks', { count: o.totals.cycles }),
        notes: t('verantwoording.totals.notes', { count: o.totals.notes }),
      }),
    ),
    grantedLine(o, t, fmt),
    trajectSection(o, t, actions, drafts),
    conversationsSection(o, t, locale, actions),
    h(
      'section',
      { 'aria-labelledby': 'h-cycles' },
      h('h2', { id: 'h-cycles' }, t('verantwoording.cycle.title')),
      ...(o.cycles.length ? o.cycles.map((c) => cycleArticle(c, t, locale, actions, drafts, putBefore, needs)) : [h('p', { class: 'muted' }, t('verantwoording.cycle.none'))]),
    ),
    notesSection(o, t, locale, actions, drafts),
    myDataSection(t, actions),
  ];
}

/** The development sign-in form (outside Teams, when the server offers it). */
export function renderDevSignIn(t: T, onSignIn: (userId: string) => void): HTMLElement {
  const userId = h('input', { type: 'text', id: 'dev-user', value: '00000000-0000-0000-0000-000000000020', autocomplete: 'off' });
  return h(
    'section',
    { 'aria-labelledby': 'h-signin' },
    h('h2', { id: 'h-signin' }, t('verantwoording.tab.signInTitle')),
    h('p', {}, t('verantwoording.tab.signInIntro')),
    h('label', { for: 'dev-user' }, t('verantwoording.tab.userId')),
    userId,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: () => onSignIn((userId as HTMLInputElement).value.trim()) }, t('verantwoording.tab.signIn'))),
  );
}

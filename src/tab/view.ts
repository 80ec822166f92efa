import type { AccountabilityNote } from '../domain/verantwoording/accountability-note';
import type { CycleEntry, VerantwoordingOverview } from '../usecases/verantwoording/overview';
import { domId, h } from './dom';
import type { T, TabLocale } from './i18n';

export type Kind = 'note' | 'answer' | 'profTraject' | 'time';

/** The member's pass-ons to L&O (GET /api/verantwoording/learning-needs). */
export interface LearningNeeds {
  themes: string[];
  minimum: number;
  items: { answerId: string; status: 'pending' | 'sealing' | 'handedOver'; theme?: string; text?: string }[];
}

/** The question whose answer can be passed on to L&O as a learning need. */
const LEARNING_NEED_QUESTION_ID = 9;
export type Visibility = 'private' | 'shared';

/** What the page can do; each returns when the server has answered (and the page re-rendered). */
export interface Actions {
  addNote(text: string, shared: boolean): Promise<void>;
  saveNote(note: AccountabilityNote, text: string): Promise<void>;
  deleteNote(id: string): Promise<void>;
  setVisibility(kind: Kind, id: string, visibility: Visibility, groupId?: string): Promise<void>;
  saveHours(groupId: string, cycleId: string, hours: number): Promise<void>;
  saveTraject(learningNeeds: string, talents: string, weeks: number): Promise<void>;
  download(): Promise<void>;
  erase(): Promise<void>;
  /** Shows the manager's prep card as it would be today in `into`. */
  preview(into: HTMLElement): Promise<void>;
  passLearningNeed(answerId: string, theme: string, text: string): Promise<void>;
  withdrawLearningNeed(answerId: string): Promise<void>;
}

const INTL: Record<TabLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

const present = (...nodes: (HTMLElement | null)[]): HTMLElement[] => nodes.filter((n): n is HTMLElement => n !== null);

function shareToggle(t: T, kind: Kind, id: string, visibility: Visibility, actions: Actions, groupId?: string): HTMLElement {
  const inputId = domId(`share-${kind}`, `${groupId ?? ''}${id}`);
  const box = h('input', {
    type: 'checkbox',
    id: inputId,
    checked: visibility === 'shared',
    onchange: (e: Event) => void actions.setVisibility(kind, id, (e.target as HTMLInputElement).checked ? 'shared' : 'private', groupId),
  });
  return h('div', { class: 'share' }, box, h('label', { for: inputId, class: 'inline' }, t('verantwoording.tab.sharedLabel')));
}

/** Next to an answer to question 9: pass its learning need on to L&O anonymously, or withdraw it until the handover. */
function learningNeedControl(answerId: string, needs: LearningNeeds, t: T, actions: Actions): HTMLElement {
  const current = needs.items.find((i) => i.answerId === answerId);
  const box = h('fieldset', { class: 'learning-need' }, h('legend', {}, t('verantwoording.learningNeed.tab.label')));
  if (current && current.status !== 'pending') {
    box.append(h('p', { class: 'small' }, t('verantwoording.learningNeed.status.handedOver')));
    return box;
  }
  const themeId = domId('ln-theme', answerId);
  const textId = domId('ln-text', answerId);
  const theme = h('select', { id: themeId }, h('option', { value: '' }, '—'), ...needs.themes.map((th) => h('option', { value: th, selected: current?.theme === th }, t(`verantwoording.learningNeed.theme.${th}`))));
  const text = h('input', { type: 'text', id: textId, maxlength: 300, value: current?.text ?? '', placeholder: t('verantwoording.learningNeed.textPlaceholder') });
  box.append(
    h('p', { class: 'muted small' }, t('verantwoording.learningNeed.explain', { min: needs.minimum })),
    h('p', { class: 'muted small' }, t('verantwoording.learningNeed.withdrawRule', { min: needs.minimum })),
    ...(current ? [h('p', { class: 'small' }, t('verantwoording.learningNeed.status.pending', { theme: t(`verantwoording.learningNeed.theme.${current.theme}`) }))] : []),
    h('label', { for: themeId }, t('verantwoording.learningNeed.themeLabel')),
    theme,
    h('label', { for: textId }, t('verantwoording.learningNeed.textLabel')),
    text,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => void actions.passLearningNeed(answerId, (theme as HTMLSelectElement).value, (text as HTMLInputElement).value) }, t(current ? 'verantwoording.learningNeed.update' : 'verantwoording.learningNeed.pass')),
      current ? h('button', { type: 'button', onclick: () => void actions.withdrawLearningNeed(answerId) }, t('verantwoording.learningNeed.withdraw')) : null,
    ),
  );
  return box;
}

function trajectSection(o: VerantwoordingOverview, t: T, actions: Actions): HTMLElement {
  const p = o.profTraject;
  const needs = h('textarea', { id: 'traject-needs', maxlength: 2000, value: p?.learningNeeds ?? '', placeholder: t('verantwoording.traject.learningNeedsPlaceholder') });
  const talents = h('textarea', { id: 'traject-talents', maxlength: 2000, value: p?.talents ?? '', placeholder: t('verantwoording.traject.talentsPlaceholder') });
  const weeks = h('input', { type: 'number', id: 'traject-weeks', min: 1, max: 52, value: p?.plannedWeeks ?? 20 });
  return h(
    'section',
    { 'aria-labelledby': 'h-traject' },
    h('h2', { id: 'h-traject' }, t('verantwoording.traject.title')),
    h('p', { class: 'muted' }, p ? t('verantwoording.traject.weeks', { count: p.plannedWeeks }) : t('verantwoording.traject.missing')),
    h('label', { for: 'traject-needs' }, t('verantwoording.traject.learningNeeds')),
    needs,
    h('label', { for: 'traject-talents' }, t('verantwoording.traject.talents')),
    talents,
    h('label', { for: 'traject-weeks' }, t('verantwoording.traject.plannedWeeks')),
    weeks,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => void actions.saveTraject((needs as HTMLTextAreaElement).value, (talents as HTMLTextAreaElement).value, Number((weeks as HTMLInputElement).value)) }, t('verantwoording.tab.saveTraject')),
    ),
    p ? shareToggle(t, 'profTraject', p.id, p.visibility, actions) : null,
  );
}

function cycleArticle(c: CycleEntry, t: T, locale: TabLocale, actions: Actions, needs?: LearningNeeds): HTMLElement {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  const hoursId = domId('hours', c.cycleId);
  const hours = h('input', { type: 'number', id: hoursId, min: 0, max: 40, step: 0.5, value: c.hours });
  const fmt = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 });
  return h(
    'article',
    { class: 'card' },
    h('h3', {}, title),
    h('p', {}, `${t('verantwoording.cycle.time')}: ${t('verantwoording.cycle.hours', { count: c.hours, hours: fmt.format(c.hours) })} · ${t('verantwoording.cycle.sessions', { count: c.sessionsAttended })}${c.hoursCorrected ? ` · ${t('verantwoording.cycle.corrected')}` : ''}`),
    c.correctable
      ? h(
          'div',
          {},
          h('label', { for: hoursId }, t('verantwoording.tab.hoursLabel')),
          h('div', { class: 'row' }, hours, h('button', { type: 'button', onclick: () => void actions.saveHours(c.groupId, c.cycleId, Number((hours as HTMLInputElement).value)) }, t('verantwoording.tab.saveHours'))),
          shareToggle(t, 'time', c.cycleId, c.timeVisibility, actions, c.groupId),
        )
      : null,
    c.proposals.length
      ? h(
          'div',
          {},
          h('h4', {}, t('verantwoording.cycle.proposals')),
          h('ul', {}, ...c.proposals.map((p) => h('li', {}, h('p', { class: 'pre' }, p.text || t('verantwoording.proposal.noText')), h('p', { class: 'muted small' }, t(`verantwoording.proposal.status.${p.status}`))))),
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
              h('p', { class: 'muted small' }, `${a.questionId}. ${a.question}`),
              h('p', { class: 'pre' }, a.text),
              shareToggle(t, 'answer', a.id, a.visibility, actions),
              needs && a.questionId === LEARNING_NEED_QUESTION_ID ? learningNeedControl(a.id, needs, t, actions) : null,
            ),
          ),
        )
      : null,
  );
}

function noteItem(n: AccountabilityNote, t: T, locale: TabLocale, actions: Actions): HTMLElement {
  const li = h('li', { class: 'card', 'data-note-id': n.id });
  const date = new Intl.DateTimeFormat(INTL[locale], { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(n.createdAt));
  const show = () => {
    li.replaceChildren(
      ...present(
      h('p', { class: 'pre' }, n.text),
      h(
        'p',
        { class: 'muted small' },
        date,
        n.source ? ` · ${t('verantwoording.tab.noteFromMessage')}` : '',
        n.visibility === 'shared' ? h('span', { class: 'badge-shared' }, ` · ${t('verantwoording.visibility.shared')}`) : ` · ${t('verantwoording.visibility.private')}`,
      ),
      n.source?.link ? h('p', { class: 'small' }, h('a', { href: n.source.link, target: '_blank', rel: 'noopener noreferrer' }, t('verantwoording.tab.openMessage'))) : null,
      shareToggle(t, 'note', n.id, n.visibility, actions),
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: edit }, t('verantwoording.tab.editNote')), h('button', { type: 'button', class: 'danger', onclick: confirmDelete }, t('verantwoording.tab.deleteNote'))),
      ),
    );
  };
  const edit = () => {
    const areaId = domId('edit', n.id);
    const area = h('textarea', { id: areaId, maxlength: 4000, value: n.text });
    li.replaceChildren(
      h('label', { for: areaId }, t('verantwoording.tab.editNoteLabel')),
      area,
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: () => void actions.saveNote(n, (area as HTMLTextAreaElement).value) }, t('verantwoording.save')), h('button', { type: 'button', onclick: show }, t('verantwoording.tab.cancel'))),
    );
    area.focus();
  };
  const confirmDelete = () => {
    const panel = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-label': t('verantwoording.tab.confirmDelete') },
      h('p', {}, t('verantwoording.tab.confirmDelete')),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'danger', onclick: () => void actions.deleteNote(n.id) }, t('verantwoording.tab.yesDelete')), h('button', { type: 'button', onclick: show }, t('verantwoording.tab.cancel'))),
    );
    li.append(panel);
    (panel.querySelector('button') as HTMLButtonElement).focus();
  };
  show();
  return li;
}

function notesSection(o: VerantwoordingOverview, t: T, locale: TabLocale, actions: Actions): HTMLElement {
  const text = h('textarea', { id: 'new-note', maxlength: 4000, placeholder: t('verantwoording.notes.addPlaceholder') });
  const shared = h('input', { type: 'checkbox', id: 'new-note-shared' });
  return h(
    'section',
    { 'aria-labelledby': 'h-notes' },
    h('h2', { id: 'h-notes' }, t('verantwoording.notes.title')),
    h('label', { for: 'new-note' }, t('verantwoording.tab.newNote')),
    text,
    h('div', { class: 'share' }, shared, h('label', { for: 'new-note-shared', class: 'inline' }, t('verantwoording.tab.newNoteShared'))),
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: () => void actions.addNote((text as HTMLTextAreaElement).value, (shared as HTMLInputElement).checked) }, t('verantwoording.tab.addNote'))),
    o.notes.length ? h('ul', { class: 'plain', id: 'notes' }, ...o.notes.map((n) => noteItem(n, t, locale, actions))) : h('p', { class: 'muted' }, t('verantwoording.notes.none')),
  );
}

function myDataSection(t: T, actions: Actions): HTMLElement {
  const zone = h('div', {});
  const ask = () => {
    zone.replaceChildren(
      h(
        'div',
        { class: 'confirm', role: 'group', 'aria-labelledby': 'erase-title' },
        h('h3', { id: 'erase-title' }, t('verantwoording.erase.confirmTitle')),
        h('p', {}, t('verantwoording.erase.confirmText')),
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'danger', onclick: () => void actions.erase() }, t('verantwoording.erase.confirm')), h('button', { type: 'button', onclick: () => zone.replaceChildren() }, t('verantwoording.erase.cancel'))),
      ),
    );
    (zone.querySelector('button') as HTMLButtonElement).focus();
  };
  return h(
    'section',
    { 'aria-labelledby': 'h-data' },
    h('h2', { id: 'h-data' }, t('verantwoording.myData.title')),
    h('p', {}, t('verantwoording.myData.intro')),
    h('div', { class: 'row' }, h('button', { type: 'button', onclick: () => void actions.download() }, t('verantwoording.tab.download')), h('button', { type: 'button', class: 'danger', onclick: ask }, t('verantwoording.tab.erase'))),
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

/** The whole verantwoording: Prof-traject, per week, notes, and "mijn gegevens". */
export function renderOverview(o: VerantwoordingOverview, t: T, locale: TabLocale, actions: Actions, needs?: LearningNeeds): HTMLElement[] {
  const fmt = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 });
  return [
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
    trajectSection(o, t, actions),
    conversationsSection(o, t, locale, actions),
    h(
      'section',
      { 'aria-labelledby': 'h-cycles' },
      h('h2', { id: 'h-cycles' }, t('verantwoording.cycle.title')),
      ...(o.cycles.length ? o.cycles.map((c) => cycleArticle(c, t, locale, actions, needs)) : [h('p', { class: 'muted' }, t('verantwoording.cycle.none'))]),
    ),
    notesSection(o, t, locale, actions),
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

import { randomUUID } from 'node:crypto';
import { Locale, Translate } from '../../../i18n/i18n';
import { CycleEntry, PutBeforeEntry, VerantwoordingOverview } from '../../../usecases/verantwoording/overview';
import { mayBePutBefore } from '../../../domain/talent-review/proposal-to-manager';
import { AccountabilityNote } from '../../../domain/verantwoording/accountability-note';
import { ProfTraject, trajectRev } from '../../../domain/verantwoording/prof-traject';
import { visibilityRevOf } from '../../../domain/verantwoording/personal-record';
import { Action, actionSet, adaptiveCard, AdaptiveCardJson, container, Element, execute, factSet, heading, plainText, refusalNotice, subtle, textBlock, truncate, withFieldError } from '../card-kit';
import { MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { buttonFor, formatDate, formatHours, visibilityLabel, visibilityToggle } from './format';
import { readApart, snippet } from '../action-tooltip';
import { ConversationForProfessional } from '../../../usecases/talent-review/for-professional';
import { reviewDate } from '../talent-review/review-date';
import { proposalOutcome, proposalTextElements } from './proposal-summary';
import { progressLine } from './prof-traject.card';
import { TrajectProgress } from '../../../domain/verantwoording/active-weeks';
import { firstCardThatFits } from '../card-size';
import { unitCeiling } from '../../../domain/shared/text';

/**
 * How much of a long verantwoording the card shows at most; the tab shows everything. Three weeks
 * (was four, stop 50): every repeated button now names its item (its tooltip). Within these, the
 * card still leaves out what does not fit in a Teams message (`fitSteps`).
 */
export const OVERVIEW_LIMITS = { cycles: 3, notes: 5, noteChars: 600, answerChars: 600, proposalChars: 300 } as const;

/** How long each text is shown on the card. */
interface TextLengths {
  note: number;
  /** A personal answer, or the manager's or L&O's answer to a proposal. */
  answer: number;
  proposal: number;
  /** The Prof-traject's learning needs and talents. */
  traject: number;
  /** What the manager facilitated after a talentontwikkelgesprek. */
  facilitated: number;
}

const FULL_TEXTS: TextLengths = { note: OVERVIEW_LIMITS.noteChars, answer: OVERVIEW_LIMITS.answerChars, proposal: OVERVIEW_LIMITS.proposalChars, traject: 800, facilitated: 1000 };
/** Shorter and shorter, after the weeks and notes the card can leave out are left out. */
const SHORTER_TEXTS: readonly TextLengths[] = [
  { note: 400, answer: 400, proposal: 200, traject: 400, facilitated: 600 },
  { note: 200, answer: 200, proposal: 150, traject: 200, facilitated: 300 },
  { note: 100, answer: 100, proposal: 100, traject: 100, facilitated: 150 },
];

/** What one rendering of the card holds: the newest `cycles` weeks, the newest `notes` notes, texts cut at `texts`. */
interface Fit {
  cycles: number;
  notes: number;
  texts: TextLengths;
}

/**
 * The size budget, step by step (the first whose card fits Teams' message size is sent): all the
 * card shows at most, then without its oldest weeks one by one down to the newest, then without
 * its notes beyond the newest, then with shorter texts. What is left out is counted on the card
 * ("en nog N ..."), and everything stays in the tab and the export.
 */
function fitSteps(o: VerantwoordingOverview): Fit[] {
  const cycles = Math.min(o.cycles.length, OVERVIEW_LIMITS.cycles);
  const notes = Math.min(o.notes.length, OVERVIEW_LIMITS.notes);
  const fewestCycles = Math.min(cycles, 1);
  const fewestNotes = Math.min(notes, 1);
  const steps: Fit[] = [];
  for (let c = cycles; c >= fewestCycles; c--) steps.push({ cycles: c, notes, texts: FULL_TEXTS });
  for (let n = notes - 1; n >= fewestNotes; n--) steps.push({ cycles: fewestCycles, notes: n, texts: FULL_TEXTS });
  for (const texts of SHORTER_TEXTS) steps.push({ cycles: fewestCycles, notes: fewestNotes, texts });
  return steps;
}

/**
 * How many of the times a proposal was put before the manager one proposal shows (the latest):
 * each may carry an answer of `answerChars`, and a proposal put before the manager every week
 * would outgrow Teams' message size. The rest are in the tab and in the export.
 */
export const PUT_BEFORE_SHOWN = 3;

function trajectSection(traject: ProfTraject | undefined, progress: TrajectProgress | undefined, t: Translate, max: number): Element[] {
  const title = textBlock(t('verantwoording.traject.title'), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' });
  if (!traject) {
    return [title, textBlock(t('verantwoording.traject.missing')), actionSet([execute(t('verantwoording.traject.sketch'), 'openTraject', {}, { style: 'positive' })])];
  }
  return [
    title,
    subtle(`${visibilityLabel(traject.visibility, t)} · ${t('verantwoording.traject.weeks', { count: traject.plannedWeeks })}`),
    ...(progress ? [progressLine(progress, t), subtle(t('verantwoording.traject.progressHint'))] : []),
    ...(traject.learningNeeds ? [textBlock(t('verantwoording.traject.learningNeeds'), { weight: 'Bolder', size: 'Small' }), plainText(truncate(traject.learningNeeds, max))] : []),
    ...(traject.talents ? [textBlock(t('verantwoording.traject.talents'), { weight: 'Bolder', size: 'Small' }), plainText(truncate(traject.talents, max))] : []),
    actionSet(
      [execute(t('verantwoording.traject.edit'), 'openTraject', {}), visibilityToggle('profTraject', traject.id, { visibility: traject.visibility, visibilityRev: visibilityRevOf(traject), rev: trajectRev(traject) }, t)].map((a) =>
        buttonFor(a, t('verantwoording.buttonFor.traject'), t),
      ),
    ),
  ];
}

/** A week as its buttons name it: "Team Zorg, week 3" (the group alone when it has no week number). */
function cycleName(c: Pick<CycleEntry, 'groupName' | 'weekNumber'>, t: Translate): string {
  const group = snippet(c.groupName);
  return c.weekNumber ? t('verantwoording.buttonFor.cycle', { group, number: c.weekNumber }) : group;
}

/**
 * Under a proposal the group adopted or adapted: the latest times the person put it before their
 * manager (to whom, when, the answer as plain text), how many earlier ones the export holds, and
 * the button to do so, which says it is their own act.
 */
function putBeforeElements(p: CycleEntry['proposals'][number], putBefore: readonly PutBeforeEntry[], t: Translate, locale: Locale, timeZone: string, cycle: string, texts: TextLengths): Element[] {
  if (!mayBePutBefore({ verdict: p.status })) return [];
  const items: Element[] = [];
  // Oldest first: the latest few, still in the order they were sent.
  const all = putBefore.filter((x) => x.proposalId === p.id && x.groupId === p.groupId);
  const earlier = Math.max(0, all.length - PUT_BEFORE_SHOWN);
  if (earlier) items.push(textBlock(t('proposalToManager.putBeforeEarlier', { count: earlier }), { isSubtle: true, size: 'Small' }));
  for (const e of all.slice(earlier)) {
    const date = formatDate(e.sentAt, locale, timeZone);
    items.push(plainText(e.managerName ? t('proposalToManager.putBefore', { manager: e.managerName, date }) : t('proposalToManager.putBeforeYourManager', { date }), { size: 'Small', weight: 'Bolder' }));
    if (e.undelivered) items.push({ ...plainText(t('proposalToManager.undeliveredLine'), { size: 'Small', color: 'Attention' }), spacing: 'None' });
    if (e.answer) {
      items.push(plainText(e.managerName ? t('proposalToManager.answerFrom', { manager: e.managerName }) : t('proposalToManager.answerFromYourManager'), { size: 'Small', isSubtle: true }));
      items.push({ ...plainText(truncate(e.answer.text, texts.answer)), spacing: 'None' });
    }
  }
  // Sends the card's inputs: the form's way back carries a new note being typed here.
  const item = p.text ? t('verantwoording.buttonFor.proposal', { cycle, text: snippet(p.text) }) : t('verantwoording.buttonFor.proposalNoText', { cycle });
  items.push(actionSet([buttonFor(execute(t('proposalToManager.button'), 'openProposalToManager', { groupId: p.groupId, proposalId: p.id }), item, t)], { spacing: 'Small' }));
  return items;
}

/** Under a proposal the group shared with L&O: when, and L&O's latest answer (plain text) with its date. */
function loElements(p: CycleEntry['proposals'][number], t: Translate, locale: Locale, timeZone: string, texts: TextLengths): Element[] {
  if (!p.lo) return [];
  return [
    plainText(t('proposalToLo.sharedOn', { date: formatDate(p.lo.sharedAt, locale, timeZone) }), { size: 'Small', weight: 'Bolder' }),
    ...(p.lo.answer
      ? [{ ...plainText(t('proposalToLo.answerFromLo', { date: formatDate(p.lo.answer.at, locale, timeZone) }), { size: 'Small', isSubtle: true }), spacing: 'None' as const }, { ...plainText(truncate(p.lo.answer.text, texts.answer)), spacing: 'None' as const }]
      : []),
  ];
}

function cycleSection(c: CycleEntry, t: Translate, locale: Locale, putBefore: readonly PutBeforeEntry[], timeZone: string, texts: TextLengths): Element {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  const cycle = cycleName(c, t);
  const time = `${t('verantwoording.cycle.hours', { count: c.hours, hours: formatHours(c.hours, locale) })} (${t('verantwoording.cycle.sessions', { count: c.sessionsAttended })}${c.hoursCorrected ? `; ${t('verantwoording.cycle.corrected')}` : ''})`;
  const items: Element[] = [
    plainText(title, { weight: 'Bolder' }),
    factSet([{ title: t('verantwoording.cycle.time'), value: `${time} · ${visibilityLabel(c.timeVisibility, t)}` }]),
  ];
  if (c.correctable) {
    const timeItem = t('verantwoording.buttonFor.time', { cycle });
    items.push(
      actionSet([execute(t('verantwoording.cycle.editTime'), 'openTime', { groupId: c.groupId, cycleId: c.cycleId }), visibilityToggle('time', c.cycleId, { visibility: c.timeVisibility, visibilityRev: c.timeVisibilityRev }, t, c.groupId)].map((a) => buttonFor(a, timeItem, t))),
    );
  }
  if (c.proposals.length) {
    items.push(textBlock(t('verantwoording.cycle.proposals'), { weight: 'Bolder', size: 'Small' }));
    for (const p of c.proposals) {
      items.push(...proposalTextElements(p, t, texts.proposal), { ...plainText(proposalOutcome(p, t), { isSubtle: true, size: 'Small' }), spacing: 'None' }, ...loElements(p, t, locale, timeZone, texts), ...putBeforeElements(p, putBefore, t, locale, timeZone, cycle, texts));
    }
  }
  if (c.answers.length) {
    items.push(textBlock(t('verantwoording.cycle.answers'), { weight: 'Bolder', size: 'Small' }));
    for (const a of c.answers) {
      items.push(
        textBlock(`${a.questionId}. ${a.question}`, { size: 'Small', isSubtle: true }),
        plainText(truncate(a.text, texts.answer)),
        subtle(visibilityLabel(a.visibility, t)),
        actionSet([buttonFor(visibilityToggle('answer', a.id, { visibility: a.visibility, visibilityRev: a.visibilityRev, rev: a.rev }, t), t('verantwoording.buttonFor.answer', { question: a.questionId, cycle }), t)]),
      );
    }
  }
  return container(items, { separator: true, spacing: 'Medium' });
}

/** How each note's buttons name it (the person's own text, in their own chat), so two notes' buttons read apart. */
function noteItems(notes: readonly AccountabilityNote[], t: Translate, locale: Locale, timeZone: string): string[] {
  return readApart(notes.map((n) => t('verantwoording.buttonFor.note', { date: formatDate(n.createdAt, locale, timeZone), text: snippet(n.text) })));
}

function noteSection(n: AccountabilityNote, item: string, t: Translate, locale: Locale, timeZone: string, max: number): Element {
  const meta = [formatDate(n.createdAt, locale, timeZone), visibilityLabel(n.visibility, t), ...(n.source ? [t('verantwoording.notes.fromMessage')] : [])].join(' · ');
  const actions: Action[] = [
    execute(t('verantwoording.notes.edit'), 'openNote', { noteId: n.id }),
    visibilityToggle('note', n.id, { visibility: n.visibility, visibilityRev: visibilityRevOf(n), rev: n.rev }, t),
    execute(t('verantwoording.notes.delete'), 'deleteNote', { noteId: n.id, rev: n.rev }, { style: 'destructive' }),
    ...(n.source?.link ? [{ type: 'Action.OpenUrl' as const, title: t('verantwoording.notes.openMessage'), url: n.source.link }] : []),
  ].map((a) => buttonFor(a, item, t));
  return container([plainText(truncate(n.text, max)), subtle(meta), actionSet(actions)], { separator: true, spacing: 'Medium' });
}

/** Used of granted, and where the granted time comes from. */
function grantedSection(o: VerantwoordingOverview, t: Translate, locale: Locale): Element[] {
  const g = o.granted;
  const from = g.weeksFrom === 'traject' ? 'verantwoording.grantedTraject' : 'verantwoording.grantedDefault';
  return [
    textBlock(t('verantwoording.granted', { used: formatHours(o.totals.hours, locale), count: g.hours, granted: formatHours(g.hours, locale) }), { weight: 'Bolder' }),
    subtle(t(from, { perWeek: t('verantwoording.perWeek', { count: g.hoursPerWeek, hours: formatHours(g.hoursPerWeek, locale) }), count: g.weeks })),
  ];
}

/**
 * The manager's side of each talentontwikkelgesprek about them: a phase proposal (their own
 * choice stays theirs) and, after the conversation, what the manager facilitated.
 */
function conversationsSection(o: VerantwoordingOverview, t: Translate, locale: Locale, max: number): Element[] {
  const items = o.conversations.slice(0, 3).map((c: ConversationForProfessional) => {
    const date = reviewDate(c.date, locale);
    const own = o.profTraject?.maturityPhase;
    const lines: Element[] = [plainText(t('verantwoording.conversations.heading', { date }), { weight: 'Bolder' })];
    if (c.phaseProposal) {
      lines.push(textBlock(t('verantwoording.conversations.proposal', { date, phase: t(`talentReview.phase.${c.phaseProposal.phase}.name`) })));
      lines.push(subtle(own ? t('verantwoording.conversations.ownPhase', { phase: t(`talentReview.phase.${own}.name`) }) : t('verantwoording.conversations.noOwnPhase')));
    }
    if (c.facilitated) lines.push(textBlock(t('verantwoording.conversations.facilitated'), { size: 'Small', weight: 'Bolder' }), plainText(truncate(c.facilitated.text, max)));
    else lines.push(subtle(t(c.held ? 'verantwoording.conversations.noFacilitation' : 'verantwoording.conversations.facilitatedLater')));
    return container(lines, { separator: true, spacing: 'Medium' });
  });
  return [
    textBlock(t('verantwoording.conversations.title'), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' }),
    ...items,
    subtle(t('verantwoording.conversations.previewHint')),
    // Sends the card's inputs: the preview's way back carries a new note being typed here.
    actionSet([execute(t('verantwoording.conversations.preview'), 'previewPrep', {})]),
  ];
}

/**
 * A new note not saved yet, shown in the note field: one that was refused (with why, next to the
 * field), or one still being typed when another button of the card was pressed.
 */
export interface NoteDraft {
  text?: string;
  error?: string;
}

/**
 * The professional's own overview in the personal chat: per cycle, notes, Prof-traject. Its
 * buttons send the new-note field along (associatedInputs auto) and their answer shows it again:
 * the answer replaces the whole card, and a note being typed would be gone without a word. The
 * card is only ever in the person's own chat, so what they typed goes nowhere else.
 */
/** An erasure of the person began and has not finished: what follows is about to go, nothing new is stored, and a button finishes it. */
function erasureUnfinishedSection(o: VerantwoordingOverview, t: Translate): Element[] {
  if (!o.erasureUnfinished) return [];
  return [
    container([textBlock(t('verantwoording.erase.underwayText')), actionSet([execute(t('verantwoording.erase.finish'), 'confirmErase', { confirm: 'yes' }, { style: 'destructive', associatedInputs: 'none' })])], { style: 'attention' }),
  ];
}

/**
 * The overview, within the size Teams delivers (`firstCardThatFits`): were it sent too large, the
 * person would get an error instead of their overview. What does not fit is left out (`fitSteps`),
 * and the card says so.
 */
export function overviewCard(o: VerantwoordingOverview, t: Translate, locale: Locale, timeZone: string, draft: NoteDraft = {}, notice?: string): AdaptiveCardJson {
  // A key per rendered card: a press that reaches the bot twice (a retried click) saves one note.
  const key = randomUUID();
  const steps = fitSteps(o);
  return firstCardThatFits(steps, (fit) => overviewCardAs(o, t, locale, timeZone, draft, key, fit, fit !== steps[0], notice)).card;
}

/**
 * The card as one step of the size budget holds it; `fitted`: it holds less than it could, to fit.
 * `notice`: why the press this card answers changed nothing (a share refused), at its top.
 */
function overviewCardAs(o: VerantwoordingOverview, t: Translate, locale: Locale, timeZone: string, draft: NoteDraft, key: string, fit: Fit, fitted: boolean, notice?: string): AdaptiveCardJson {
  const cycles = o.cycles.slice(0, fit.cycles);
  const notes = o.notes.slice(0, fit.notes);
  const noteNames = noteItems(notes, t, locale, timeZone);
  const body: Element[] = [
    heading(t('verantwoording.title')),
    ...(notice ? [refusalNotice(notice)] : []),
    ...erasureUnfinishedSection(o, t),
    textBlock(t('verantwoording.intro')),
    subtle(
      t('verantwoording.totals.line', {
        hours: t('verantwoording.totals.hours', { count: o.totals.hours, hours: formatHours(o.totals.hours, locale) }),
        weeks: t('verantwoording.totals.weeks', { count: o.totals.cycles }),
        notes: t('verantwoording.totals.notes', { count: o.totals.notes }),
      }),
    ),
    ...(fitted ? [subtle([t('verantwoording.fit.notAll'), ...(fit.texts !== FULL_TEXTS ? [t('verantwoording.fit.shortened')] : [])].join(' '))] : []),
    ...grantedSection(o, t, locale),
    ...trajectSection(o.profTraject, o.trajectProgress, t, fit.texts.traject),
    ...conversationsSection(o, t, locale, fit.texts.facilitated),
    textBlock(t('verantwoording.cycle.title'), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' }),
    ...(cycles.length ? cycles.map((c) => cycleSection(c, t, locale, o.putBefore ?? [], timeZone, fit.texts)) : [textBlock(t('verantwoording.cycle.none'))]),
    ...(o.cycles.length > cycles.length ? [subtle(t('verantwoording.cycle.more', { count: o.cycles.length - cycles.length }))] : []),
    textBlock(t('verantwoording.notes.title'), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' }),
    ...(notes.length ? notes.map((n, i) => noteSection(n, noteNames[i]!, t, locale, timeZone, fit.texts.note)) : [textBlock(t('verantwoording.notes.none'))]),
    ...(o.notes.length > notes.length ? [subtle(t('verantwoording.notes.more', { count: o.notes.length - notes.length }))] : []),
    ...(draft.error ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
    ...withFieldError(
      {
        type: 'Input.Text',
        id: 'text',
        label: t('verantwoording.notes.addLabel'),
        placeholder: t('verantwoording.notes.addPlaceholder'),
        isMultiline: true,
        // A refused text comes back whole, even when it is over the limit: nothing typed is lost.
        maxLength: Math.max(unitCeiling(MAX_NOTE_LENGTH), draft.text?.length ?? 0),
        spacing: 'Large',
        ...(draft.text ? { value: draft.text } : {}),
      },
      draft.error,
    ),
    actionSet([execute(t('verantwoording.notes.add'), 'addNote', { k: key }, { style: 'positive' })]),
    textBlock(t('verantwoording.footer.tab'), { isSubtle: true, size: 'Small', separator: true, spacing: 'Large' }),
  ];
  return adaptiveCard(body, [execute(t('verantwoording.footer.refresh'), 'showVerantwoording', {}), execute(t('verantwoording.footer.myData'), 'openMyData', {})]);
}

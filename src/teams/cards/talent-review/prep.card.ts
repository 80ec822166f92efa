import { randomUUID } from 'node:crypto';
import { INTERVENTIONS_PER_PHASE, MATURITY_PHASES, MaturityPhase, PRECONDITIONS } from '../../../domain/talent-review/maturity';
import { PrepWithdrawal, TeamPulse } from '../../../domain/talent-review/ports';
import { MAX_FACILITATED_LENGTH } from '../../../domain/talent-review/review';
import { Locale, Translate } from '../../../i18n/i18n';
import { PrepView } from '../../../usecases/talent-review/prep';
import { Action, actionSet, adaptiveCard, AdaptiveCardJson, container, Element, escapeMarkdown, execute, factSet, heading, plainText, refusalNotice, subtle, textBlock, truncate, withFieldError } from '../card-kit';
import { formatHours } from '../verantwoording/format';
import { cardBytes, firstCardThatFits, MAX_CARD_BYTES } from '../card-size';
import { reviewDate } from './review-date';
import { unitCeiling } from '../../../domain/shared/text';

const MAX_TEAMS_SHOWN = 5;
const MAX_WEEKS_SHOWN = 12;
const MAX_PROPOSALS_SHOWN = 10;

/** How long each text the professional (or the AI) wrote may be on the card. */
interface TextLengths {
  /** A reflection, note, proposal or Prof-traject text. */
  item: number;
  /** A proposal's reason or first step. */
  detail: number;
  aiSummary: number;
}

/**
 * The size budget, step by step: the first step whose card fits is sent. Items are capped in
 * number already (newest first, "en nog N ..."), so only their texts get shorter, and the last
 * step fits even when every shown item is as long as it may be.
 */
const TEXT_LENGTHS: readonly TextLengths[] = [
  { item: 700, detail: 300, aiSummary: 1500 },
  { item: 400, detail: 200, aiSummary: 1000 },
  { item: 200, detail: 120, aiSummary: 600 },
  { item: 100, detail: 60, aiSummary: 400 },
];

function section(title: string, items: Element[], emptyText: string): Element[] {
  return [textBlock(title, { weight: 'Bolder', spacing: 'Medium', separator: true }), ...(items.length ? items : [subtle(emptyText)])];
}

function pulseLine(p: TeamPulse, t: Translate, locale: Locale): string {
  if (p.status === 'none') return t('talentReview.prep.pulseNone');
  if (p.status === 'tooFew') return t('talentReview.prep.pulseTooFew', { closedOn: reviewDate(p.closedOn, locale) });
  return t('talentReview.prep.pulseOk', { ...p.scores, count: p.respondents, closedOn: reviewDate(p.closedOn, locale) });
}

/**
 * One proposal of a shared week. Only a decision is the group's, a rejection included (it keeps
 * no text, so its reason is shown). An undecided AI draft says it is the AI's before its text, so
 * the manager never reads it as what the professional's group proposes; an AI draft the group
 * adopted as it is says AI drafted it, so the AI's words never read as the group's own, and words
 * the group made from an AI draft say so. Never the first step: it names who does what, and stays
 * with the group. User and AI text go in TextRuns, never Markdown.
 */
function proposalItems(p: PrepView['proposals'][number], t: Translate, lengths: TextLengths): Element[] {
  const text = truncate(p.text, lengths.item);
  const shown =
    p.source === 'aiDraft'
      ? [plainText(`${p.groupName} · ${t('talentReview.prep.aiDraft')}`, { weight: 'Bolder', color: 'Warning' }), plainText(text, { italic: true })]
      : p.source === 'adoptedAiDraft' || p.source === 'adaptedFromAiDraft'
        ? [plainText(`${p.groupName} · ${t(p.source === 'adoptedAiDraft' ? 'talentReview.prep.adoptedAi' : 'talentReview.prep.adaptedFromAi')}`, { weight: 'Bolder' }), plainText(text)]
        : [plainText(text ? `${p.groupName}: ${text}` : p.groupName)];
  const details = [
    p.status === 'open' ? t('talentReview.prep.open') : t('talentReview.prep.decided', { verdict: t(`verdict.${p.status}`) }),
    ...(p.reason ? [t('talentReview.prep.reason', { reason: truncate(p.reason, lengths.detail) })] : []),
  ];
  return [...shown, { ...plainText(details.join(' · '), { isSubtle: true, size: 'Small' }), spacing: 'None' }];
}

/** "En nog N ...": what the card leaves out is counted, never dropped silently. */
function moreLine(t: Translate, key: string, count: number | undefined): Element[] {
  return count ? [subtle(t(key, { count }))] : [];
}

/** The newest proposals of the shared weeks (the view lists them newest first). */
function proposalsSection(view: PrepView, t: Translate, lengths: TextLengths): Element[] {
  const shown = view.proposals.slice(0, MAX_PROPOSALS_SHOWN);
  const items = shown.flatMap((p) => proposalItems(p, t, lengths));
  return section(t('talentReview.prep.proposals'), items.length ? [...items, ...moreLine(t, 'talentReview.prep.moreProposals', view.proposals.length - shown.length)] : [], t('talentReview.prep.proposalsNone'));
}

/** The reflections the view picked (newest first), and how many older ones it left out. */
function reflectionsSection(view: PrepView, t: Translate, lengths: TextLengths): Element[] {
  const items = view.reflections.flatMap((r) => [subtle(r.question), plainText(truncate(r.text, lengths.item))]);
  return section(t('talentReview.prep.reflections'), items.length ? [...items, ...moreLine(t, 'talentReview.prep.moreReflections', view.moreReflections)] : [], t('talentReview.prep.nothingShared'));
}

/** The notes the view picked (newest first), and how many older ones it left out. */
function notesSection(view: PrepView, t: Translate, lengths: TextLengths): Element[] {
  const items = view.notes.map((n) => plainText(`• ${truncate(n, lengths.item)}`));
  return section(t('talentReview.prep.notes'), items.length ? [...items, ...moreLine(t, 'talentReview.prep.moreNotes', view.moreNotes)] : [], t('talentReview.prep.nothingShared'));
}

function trajectSection(view: PrepView, t: Translate, lengths: TextLengths): Element[] {
  const traject = view.traject;
  return section(
    t('talentReview.prep.traject'),
    traject
      ? [
          subtle(t('talentReview.prep.learningNeeds')),
          plainText(truncate(traject.learningNeeds, lengths.item)),
          subtle(t('talentReview.prep.talents')),
          plainText(truncate(traject.talents, lengths.item)),
          subtle(t('talentReview.prep.weeks', { count: traject.plannedWeeks })),
        ]
      : [],
    t('talentReview.prep.nothingShared'),
  );
}

/**
 * The B3-spiegel of the report's teams the card shows (a team shared with the manager, or one the
 * report turned on: usecases/talent-review/prep-teams.ts), each named. With
 * none, one line says which teams it would show, the same whether the report is in no team or in
 * teams it does not show: nothing tells the manager of a team they do not see.
 */
function teamSection(view: PrepView, t: Translate, locale: Locale): Element[] {
  const teams = view.teams;
  if (!teams.length) return section(t('talentReview.prep.pulse'), [plainText(t('talentReview.prep.teamNone', { name: view.review.reportName }))], '');
  // One team is named too: it may not be the team the manager shares with the report (one the
  // report turned on), and figures without a name would read as the manager's own team's.
  if (teams.length === 1) return section(t('talentReview.prep.pulse'), [plainText(`${teams[0]!.name ?? t('talentReview.prep.unnamedTeam')}: ${pulseLine(teams[0]!.pulse, t, locale)}`)], '');
  const shown = teams.slice(0, MAX_TEAMS_SHOWN);
  return section(
    t('talentReview.prep.pulse'),
    [
      plainText(t('talentReview.prep.severalTeams', { name: view.review.reportName, count: teams.length })),
      // A team's name is typed in Teams: a TextRun, never Markdown.
      ...shown.map((team) => ({ ...plainText(`• ${team.name ?? t('talentReview.prep.unnamedTeam')}: ${pulseLine(team.pulse, t, locale)}`), spacing: 'None' as const })),
      ...(teams.length > shown.length ? [subtle(t('talentReview.prep.moreTeams', { count: teams.length - shown.length }))] : []),
    ],
    '',
  );
}

function timeSection(view: PrepView, t: Translate, locale: Locale): Element[] {
  const { granted, weeks, hoursUsed } = view.time;
  const hours = (h: number) => t('talentReview.prep.hours', { count: h, hours: formatHours(h, locale) });
  const perWeek = t('talentReview.prep.perWeek', { count: granted.hoursPerWeek, hours: formatHours(granted.hoursPerWeek, locale) });
  const grantedFrom =
    granted.weeksFrom === 'traject'
      ? t('talentReview.prep.grantedTraject', { perWeek, count: granted.weeks })
      : t('talentReview.prep.grantedDefault', { perWeek, count: granted.weeks });
  const shown = weeks.slice(0, MAX_WEEKS_SHOWN);
  const weekLine = (w: PrepView['time']['weeks'][number]) => {
    const label = w.weekNumber ? t('talentReview.prep.week', { week: w.weekNumber, group: w.groupName }) : w.groupName;
    // Their own figure wins: no count of the system beside it.
    return w.corrected ? t('talentReview.prep.weekCorrected', { label, hours: hours(w.hours) }) : t('talentReview.prep.weekCounted', { label, hours: hours(w.hours), count: w.sessionsAttended });
  };
  return [
    factSet([{ title: t('talentReview.prep.time'), value: weeks.length ? t('talentReview.prep.timeValue', { used: hours(hoursUsed), granted: hours(granted.hours) }) : t('talentReview.prep.timeNone') }]),
    subtle(grantedFrom),
    // The group's name is typed by a member: a TextRun, never Markdown (a link on the manager's card).
    ...shown.map((w) => ({ ...plainText(`• ${weekLine(w)}`, { size: 'Small' }), spacing: 'None' as const })),
    ...(weeks.length > shown.length ? [subtle(t('talentReview.prep.moreWeeks', { count: weeks.length - shown.length }))] : []),
  ];
}

function phaseSection(view: PrepView, t: Translate, typed: PrepInputs, key: string): Element[] {
  const name = view.review.reportName;
  const { own, proposed, talkingPoints } = view.phase;
  const label = (p: MaturityPhase) => t(`talentReview.phase.${p}.name`);
  const error = typed.errors?.phase;
  const lines: Element[] = [
    textBlock(t('talentReview.prep.phase'), { weight: 'Bolder', spacing: 'Medium', separator: true }),
    // Without a shared phase the card cannot know whether one was chosen: it says only what it knows.
    plainText(own ? t('talentReview.prep.phaseOwn', { phase: label(own), name }) : t('talentReview.prep.phaseNone', { name })),
    ...(proposed ? [plainText(t('talentReview.prep.phaseProposed', { phase: label(proposed), name }))] : []),
  ];
  if (!view.preview) {
    lines.push(
      container([
        ...(error ? [refusalNotice(t('talentReview.form.notSaved'))] : []),
        ...withFieldError(
          {
            type: 'Input.ChoiceSet',
            id: 'phase',
            label: t('talentReview.prep.phaseProposeLabel'),
            value: typed.phase ?? proposed ?? '',
            choices: MATURITY_PHASES.map((p) => ({ title: `${label(p)}: ${t(`talentReview.phase.${p}.description`)}`, value: p })),
          },
          error,
        ),
        actionSet([execute(t('talentReview.prep.phasePropose'), 'proposeReviewPhase', { reviewId: view.review.id, k: key }, { associatedInputs: 'auto' })]),
      ]),
    );
  }
  if (talkingPoints) {
    lines.push(textBlock(own ? t('talentReview.prep.talkingPoints') : t('talentReview.prep.talkingPointsProposed'), { weight: 'Bolder' }));
    lines.push(...Array.from({ length: INTERVENTIONS_PER_PHASE[talkingPoints] }, (_, i) => textBlock(`• ${t(`talentReview.phase.${talkingPoints}.interventions.${i + 1}`)}`, { spacing: 'None' })));
  }
  return lines;
}

/**
 * Whether what is in the field is what was saved: saving trims it, and a client may send line
 * breaks back as \r\n, so neither alone makes the card call a saved account "not saved yet".
 */
function sameAccount(typed: string, stored: string): boolean {
  const plain = (s: string) => s.replace(/\r\n/g, '\n').trim();
  return plain(typed) === plain(stored);
}

/**
 * The manager's own accountability: the form, or in the professional's preview a line saying whose
 * part it is. What they typed and did not save yet is shown as typed, and then the card does not
 * say "Vastgelegd" about it: it says it is not saved yet.
 */
function facilitationSection(view: PrepView, t: Translate, typed: PrepInputs, key: string): Element[] {
  const head = [textBlock(t('talentReview.prep.facilitated'), { weight: 'Bolder', spacing: 'Medium', separator: true })];
  if (view.preview) return [...head, subtle(t('talentReview.prep.facilitatedPreview'))];
  const stored = view.review.facilitated ?? '';
  const storedShare = view.review.shareFacilitation === true;
  const text = typed.facilitated ?? stored;
  const share = typed.shareFacilitation ?? storedShare;
  const error = typed.errors?.facilitated;
  // A toggle flipped on an empty account is nothing to save yet.
  const unsaved = !sameAccount(text, stored) || (text.trim() !== '' && share !== storedShare);
  return [
    ...head,
    { ...plainText(t('talentReview.prep.facilitatedHint', { name: view.review.reportName }), { isSubtle: true, size: 'Small' }), spacing: 'None' as const },
    ...(error ? [refusalNotice(t('talentReview.form.notSaved'))] : []),
    ...withFieldError({ type: 'Input.Text', id: 'facilitated', label: t('talentReview.prep.facilitatedLabel'), isMultiline: true, maxLength: Math.max(unitCeiling(MAX_FACILITATED_LENGTH), text.length), value: text }, error),
    { type: 'Input.Toggle', id: 'shareFacilitation', title: t('talentReview.prep.shareFacilitation'), value: share ? 'true' : 'false', valueOn: 'true', valueOff: 'false' },
    ...(error ? [] : unsaved ? [subtle(t('talentReview.prep.facilitatedUnsaved'))] : stored ? [plainText(t('talentReview.prep.facilitatedSaved', { name: view.review.reportName }), { weight: 'Bolder' })] : []),
    actionSet([execute(t('talentReview.prep.facilitatedSave'), 'saveFacilitated', { reviewId: view.review.id, k: key }, { associatedInputs: 'auto' })]),
  ];
}

/**
 * What the manager had entered on the prep card, shown back as typed (never stored by showing it):
 * the card has two buttons that each send every input, so pressing one must not lose the other's
 * input. `errors` (input id -> reason) is set when the press was refused.
 */
export interface PrepInputs {
  facilitated?: string;
  shareFacilitation?: boolean;
  /** The phase picked in the list; '' when none was. */
  phase?: MaturityPhase | '';
  errors?: Record<string, string>;
}

function prepBody(view: PrepView, t: Translate, locale: Locale, typed: PrepInputs, lengths: TextLengths, key: string): Element[] {
  const name = view.review.reportName;
  return [
    ...(view.preview ? [container([textBlock(t('talentReview.preview.banner'), { weight: 'Bolder', wrap: true }), textBlock(t('talentReview.preview.explain'), { wrap: true, spacing: 'Small' })], { style: 'emphasis' })] : []),
    // The report's name as the directory has it: escaped in the heading, a TextRun elsewhere.
    heading(t('talentReview.prep.title', { name: escapeMarkdown(name) })),
    subtle(view.review.date ? t('talentReview.prep.date', { date: reviewDate(view.review.date, locale) }) : t('talentReview.prep.noDate')),
    { ...plainText(t('talentReview.prep.sharedOnly', { name }), { isSubtle: true, size: 'Small' }), spacing: 'None' as const },
    // Cut shorter to fit, a text would end in only a "…": said once, as the overview does.
    ...(lengths !== TEXT_LENGTHS[0] ? [subtle(t('talentReview.prep.shortened'))] : []),
    ...(view.aiSummary ? [container([textBlock(t('talentReview.prep.aiLabel'), { weight: 'Bolder' }), plainText(truncate(view.aiSummary, lengths.aiSummary))], { style: 'warning', spacing: 'Medium' })] : []),
    ...timeSection(view, t, locale),
    ...proposalsSection(view, t, lengths),
    ...reflectionsSection(view, t, lengths),
    ...notesSection(view, t, lengths),
    ...trajectSection(view, t, lengths),
    ...teamSection(view, t, locale),
    ...phaseSection(view, t, typed, key),
    textBlock(t('talentReview.preconditions.title'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(PRECONDITIONS.map((p) => t(`talentReview.preconditions.${p}`)).join(' · '), { spacing: 'None', size: 'Small' }),
    ...facilitationSection(view, t, typed, key),
  ];
}

/**
 * The prep card for one direct report: only what they shared, the team's B3 aggregate under the
 * anonymity rule, talking points for their phase, and the manager's own accountability. The same
 * function renders the professional's preview ("wat ziet mijn leidinggevende?"). Within the size
 * Teams delivers (MAX_CARD_BYTES): long texts are cut shorter until it fits. `key` names this
 * render's presses (a new one per render), so Teams delivering a press again, after the manager
 * changed what it saved, changes nothing.
 */
export function prepCard(view: PrepView, t: Translate, locale: Locale, typed: PrepInputs = {}, key: string = randomUUID(), actions: Action[] = []): AdaptiveCardJson {
  return firstCardThatFits(TEXT_LENGTHS.slice(firstFittingStep(view, t, locale)), (lengths) => adaptiveCard(prepBody(view, t, locale, typed, lengths, key), actions)).card;
}

/**
 * How far the professional's texts are cut, chosen on the manager's card with its form holding
 * the longest account it takes, for the preview too: the preview, which has no form, then shows
 * the texts exactly as the manager's card does, whatever the manager has written.
 */
function firstFittingStep(view: PrepView, t: Translate, locale: Locale): number {
  const managers: PrepView = { ...view, preview: false, review: { ...view.review, facilitated: 'x'.repeat(MAX_FACILITATED_LENGTH) } };
  const step = TEXT_LENGTHS.findIndex((lengths) => cardBytes(adaptiveCard(prepBody(managers, t, locale, {}, lengths, randomUUID()))) <= MAX_CARD_BYTES);
  return step < 0 ? TEXT_LENGTHS.length - 1 : step;
}

/**
 * What a prep card shown earlier becomes when it is no longer the manager's to see: nothing of
 * the report, not even their name (the queued withdrawal names only the manager, in whose chat it is), and for a former manager
 * why, without naming the new one.
 */
/** What a prep card in the chat shows instead, by reason; `unavailable`: for now, until the directory answers. */
export function prepWithdrawnCard(t: Translate, reason: PrepWithdrawal | 'unavailable' = 'gone'): AdaptiveCardJson {
  const key = reason === 'notManager' ? 'talentReview.prep.withdrawnNotManager' : reason === 'unavailable' ? 'talentReview.prep.unavailable' : 'talentReview.prep.withdrawn';
  return adaptiveCard([subtle(t(key))]);
}


import { z } from 'zod';
import { MATURITY_PHASES } from '../domain/talent-review/maturity';
import { MAX_TEAM_TOGGLES } from '../domain/talent-review/prep-teams';
import { ERASURE_KEY_PATTERN } from '../domain/verantwoording/erasure-receipt';
import { numberFromText } from '../domain/shared/number-text';
import { MAX_OPEN_ANSWER } from '../domain/pulse-poll/answer';

const id = z.string().min(1).max(200);
const shortText = (max: number) => z.string().max(max);
/**
 * A number from a card: a number, or the text of one; an input left empty ("") is not given.
 * Nothing else is read as a number: z.coerce.number() made 0 of null, [] and "" and 1 of true,
 * and stored that as if it had been entered (a 0-hours record over the real one). Cards write
 * numbers, so that is the input type. Text that is no number stays text, so the check refuses it
 * (card-actions.ts then says what was typed); a whole-number field refuses "1,5" as it refuses 1.5.
 */
function numeric<S extends z.ZodTypeAny>(schema: S): z.ZodType<z.output<S>, z.ZodTypeDef, z.output<S>> {
  return z.preprocess((v) => (typeof v !== 'string' ? v : !v.trim() ? undefined : (numberFromText(v) ?? v)), schema);
}
const whole = (min: number, max?: number) => (max === undefined ? z.number().int().min(min) : z.number().int().min(min).max(max));
const int = (min: number, max?: number) => numeric(whole(min, max));
/** Left empty or left out, it is undefined: the handler or the domain says what is missing. */
const optionalInt = (min: number, max?: number) => numeric(whole(min, max).optional());
/** The idempotency key of the rendered card: a retried press with it stores nothing twice. */
const key = z.string().max(80).optional();
/**
 * The fingerprint of the proposal text a card showed (judge and decide): the press is taken on
 * that text, or refused when it changed since. Cards from before it existed send none.
 */
const textFingerprint = z.string().max(80).optional();
/**
 * A new note typed on the verantwoording overview and sent along with its other buttons: only
 * shown back, never stored. Bounded well above the note limit (a refused note comes back whole,
 * even over it), so the text in the field never makes a share or a refresh fail.
 */
const noteDraft = z.string().max(20_000).optional();
/**
 * Words a person typed into a field whose limit the domain counts in characters as they show
 * (`overLimit`: an emoji is one, though two UTF-16 code units; its input's maxLength is
 * `unitCeiling`): only a transport bound here, well above any such limit, so the domain's rule
 * refuses and names the count the person sees. A `shortText(limit)` counted code units and refused
 * 300 emoji against a limit of 500 as "618".
 */
const typedText = shortText(20_000);
/** A choice the person may leave open: nothing picked arrives as "", and the domain says what is missing. */
const choice = <const T extends [string, ...string[]]>(values: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());

/**
 * Every card action the app knows: its verb and the shape of its data. Cards are built from
 * these and handlers are registered from these, so a typo cannot route an action nowhere.
 * Text limits are the domain's where a form shows them (so a refusal names the real limit),
 * otherwise generous transport limits; the domain applies the real ones either way. Words whose
 * limit the domain counts as they show take `typedText` (the session card's too: its use cases check
 * those limits before they read the session, so a refusal still needs no read of the store).
 */
/**
 * What a member had typed on their own view of the session card when they pressed "Vernieuwen":
 * shown again in the fresh view, never saved. Typed words take `typedText`: the inputs' limits count
 * characters as they show, so a bound in code units at the limit refused a draft within it (an emoji
 * is two). Not the look back on last week's first step: that is the group's record, which another member
 * may have told since the card was rendered, so the stored answer is shown.
 */
const unsavedInputs = {
  questionId: optionalInt(1),
  energyIn: shortText(2).optional(),
  energyOut: shortText(2).optional(),
  text: typedText.optional(),
  opinion: shortText(40).optional(),
  reason: typedText.optional(),
  decision: shortText(40).optional(),
  decisionReason: typedText.optional(),
  adoptedText: typedText.optional(),
  firstStep: typedText.optional(),
};

export const VERBS = {
  refreshSession: { verb: 'session.refresh', data: z.object({ groupId: id, sessionId: id, k: key, ...unsavedInputs }) },
  openSetup: { verb: 'group.setup.open', data: z.object({}) },
  saveSetup: {
    verb: 'group.setup.save',
    data: z.object({
      // A transport bound: the name's limit counts characters as they show (an emoji is one, two
      // code units), which only the domain's rule (groupSettingsProblems) can count and name.
      name: shortText(20_000),
      members: shortText(4000).default(''),
      days: shortText(40),
      startTime: shortText(10),
      timeZone: shortText(60),
      language: z.enum(['nl', 'en']),
      weeks: int(1, 52),
      /**
       * The group's settings revision the form was opened on (0: no group yet), and the settings it
       * showed, in the inputs' own form: a save then writes only what the presser changed, and
       * refuses where someone else changed the same field meanwhile. Cards from before send neither.
       */
      rev: optionalInt(0),
      /** The form's key, new each time it is drawn: Teams delivering the save again changes nothing. */
      k: key,
      shown: z
        .object({ name: shortText(20_000), members: shortText(4000), days: shortText(40), startTime: shortText(10), timeZone: shortText(60), language: z.enum(['nl', 'en']), weeks: int(1, 52) })
        .strict()
        .optional(),
    }),
  },
  startCycle: { verb: 'cycle.start', data: z.object({ groupId: id, week: int(1, 1000) }) },
  openAgenda: { verb: 'cycle.agenda.open', data: z.object({ groupId: id, cycleId: id }) },
  saveAgenda: {
    verb: 'cycle.agenda.save',
    // `rev`: the agenda revision the card showed, so a save from an older one is not "saved" over another's; cards from before send none.
    data: z.object({ groupId: id, cycleId: id, day1: shortText(200), day2: shortText(200), day3: shortText(200), day4: shortText(200), rev: optionalInt(0) }),
  },
  /** `cycleId` (from newer cards) saves reading the group first. */
  startSession: { verb: 'session.start', data: z.object({ groupId: id, cycleId: id.optional(), k: key }) },
  checkIn: {
    verb: 'session.energy',
    data: z.object({ groupId: id, sessionId: id, phase: z.enum(['in', 'out']), energyIn: optionalInt(1, 5), energyOut: optionalInt(1, 5), k: key }),
  },
  /** Posts the running session's card again at the bottom of the chat. */
  showSession: { verb: 'session.show', data: z.object({ groupId: id, cycleId: id.optional(), k: key }) },
  markPresent: { verb: 'session.present', data: z.object({ groupId: id, sessionId: id, k: key }) },
  contribute: { verb: 'session.contribute', data: z.object({ groupId: id, sessionId: id, questionId: int(1), text: typedText, k: key }) },
  // `from`: the question the card showed; cards from before it carry none.
  goTo: { verb: 'session.goto', data: z.object({ groupId: id, sessionId: id, index: int(0, 50), from: optionalInt(0, 50), k: key }) },
  // `had`: the member's card showed their saved answer (a change: read, then replace); cards from before it carry none.
  answerPersonal: { verb: 'session.personal', data: z.object({ groupId: id, sessionId: id, questionId: int(1), text: typedText, had: optionalInt(0, 1), k: key }) },
  draftProposal: { verb: 'proposal.draft', data: z.object({ groupId: id, sessionId: id, k: key }) },
  judgeProposal: {
    verb: 'proposal.judge',
    data: z.object({
      groupId: id,
      sessionId: id,
      proposalId: id.optional(),
      opinion: choice(['agree', 'doubt', 'disagree']),
      reason: typedText.default(''),
      textFingerprint,
      k: key,
    }),
  },
  decideProposal: {
    verb: 'proposal.decide',
    data: z.object({
      groupId: id,
      sessionId: id,
      proposalId: id.optional(),
      decision: choice(['accept', 'adapt', 'reject']),
      decisionReason: typedText.default(''),
      adoptedText: typedText.default(''),
      firstStep: typedText.default(''),
      textFingerprint,
      k: key,
    }),
  },
  lookBackOnFirstStep: {
    verb: 'proposal.firstStep',
    // `seen`: what the card showed of the outcome (see `firstStepSeen`); absent on cards from before.
    data: z.object({ groupId: id, sessionId: id, proposalId: id, firstStepStatus: choice(['done', 'underway', 'dropped']), firstStepNote: typedText.default(''), seen: z.string().max(80).optional(), k: key }),
  },
  endSession: { verb: 'session.end', data: z.object({ groupId: id, sessionId: id, k: key }) },
  // Learning needs for L&O, from the member's own view of the session card (question 9).
  // `k` on pass and withdraw: the learning-need card's key, so Teams delivering an older press again changes nothing; cards from before send none.
  openLearningNeed: { verb: 'learningNeed.open', data: z.object({ groupId: id, sessionId: id, questionId: int(1) }) },
  passLearningNeed: {
    verb: 'learningNeed.pass',
    data: z.object({ groupId: id, sessionId: id, questionId: int(1), theme: shortText(40).default(''), learningNeedText: shortText(2000).default(''), k: key }),
  },
  withdrawLearningNeed: { verb: 'learningNeed.withdraw', data: z.object({ groupId: id, sessionId: id, questionId: int(1), k: key }) },
  // The rhythm of the year: the plan of the group's weeks. Skip and move name the week and the
  // start date the card showed, so a second press (or a card from before a change) changes nothing.
  showPlan: { verb: 'rhythm.plan.show', data: z.object({ groupId: id }) },
  askSkipWeek: { verb: 'rhythm.skip.ask', data: z.object({ groupId: id, week: int(1, 1000) }) },
  skipWeek: { verb: 'rhythm.skip', data: z.object({ groupId: id, week: int(1, 1000), from: shortText(10) }) },
  askMoveWeek: { verb: 'rhythm.move.ask', data: z.object({ groupId: id, week: int(1, 1000) }) },
  moveWeek: { verb: 'rhythm.move', data: z.object({ groupId: id, week: int(1, 1000), from: shortText(10), start: shortText(40).default('') }) },

  // Mijn verantwoording (personal chat). Ids come from cards the user was shown, but every
  // handler looks them up in the caller's own partition only.
  // `text` on the overview's other buttons: the new note being typed on it, sent along and shown
  // back (never stored), so pressing one loses nothing. `draft`: the same text carried on a card
  // opened from the overview whose own inputs it would clash with, back to the overview.
  showVerantwoording: { verb: 'verantwoording.show', data: z.object({ text: noteDraft }) },
  addNote: { verb: 'verantwoording.note.add', data: z.object({ text: typedText.default(''), k: key, draft: noteDraft }) },
  openNote: { verb: 'verantwoording.note.open', data: z.object({ noteId: id, text: noteDraft }) },
  // `visibilityRev`: the sharing's revision the card showed; shared since (or shared, and none: cards from before), the edit is refused.
  saveNote: { verb: 'verantwoording.note.save', data: z.object({ noteId: id, rev: int(0), visibilityRev: optionalInt(0), text: typedText.default(''), draft: noteDraft }) },
  // `rev`: the version the card showed (cards from before it carry none and delete whatever is stored).
  deleteNote: { verb: 'verantwoording.note.delete', data: z.object({ noteId: id, rev: z.number().int().min(1).optional(), text: noteDraft }) },
  setVisibility: {
    verb: 'verantwoording.visibility',
    // `visibilityRev`: how often the entry's sharing had changed when the card showed it; cards from before it carry none (their press wins).
    // `rev`: the revision of the text the card showed (a note's, the Prof-traject's): changed since, or absent (cards from before), nothing is shared.
    data: z.object({ kind: z.enum(['note', 'answer', 'profTraject', 'time']), id, groupId: id.optional(), visibility: z.enum(['private', 'shared']), visibilityRev: optionalInt(0), rev: optionalInt(0), text: noteDraft }),
  },
  openTime: { verb: 'verantwoording.time.open', data: z.object({ groupId: id, cycleId: id, text: noteDraft }) },
  saveTime: {
    verb: 'verantwoording.time.save',
    // `rev`: the revision of the hours the card showed; cards from before it carry none (see correctHours).
    data: z.object({ groupId: id, cycleId: id, hours: numeric(z.number().min(0).max(1000)), rev: optionalInt(0), draft: noteDraft }),
  },
  // `fresh`: "Nieuw Prof-traject schetsen" (the look-back at its end): an empty form whose save starts counting its weeks anew.
  openTraject: { verb: 'verantwoording.traject.open', data: z.object({ text: noteDraft, fresh: z.literal(true).optional() }) },
  saveTraject: {
    verb: 'verantwoording.traject.save',
    data: z.object({
      learningNeeds: shortText(5000).default(''),
      talents: shortText(5000).default(''),
      weeks: int(1, 52),
      maturityPhase: z.union([z.enum(MATURITY_PHASES), z.literal('')]).optional(),
      // The revision the form showed; cards sent before revisions have none (their save wins).
      rev: optionalInt(0),
      // The sharing's revision the form showed (as a note edit's `visibilityRev`).
      visibilityRev: optionalInt(0),
      draft: noteDraft,
      fresh: z.literal(true).optional(),
    }),
  },
  openMyData: { verb: 'verantwoording.data.open', data: z.object({ text: noteDraft }) },
  askErase: { verb: 'verantwoording.erase.ask', data: z.object({ text: noteDraft }) },
  /** `k`: the confirm card's random key (erasure-receipt.ts); a card sent before it carries none. */
  confirmErase: { verb: 'verantwoording.erase.confirm', data: z.object({ confirm: z.literal('yes'), k: z.string().regex(ERASURE_KEY_PATTERN).optional() }) },
  /** `reportId`: the plan card opens with this report chosen (from the list's "plan a conversation"). */
  openPlanReview: { verb: 'review.plan.open', data: z.object({ reportId: id.optional() }) },
  /** `k`: the plan card's key (set when it was rendered), so Teams delivering the press again plans nothing; cards from before stop 45 send none. */
  planReview: {
    verb: 'review.plan.save',
    data: z.object({ reportId: id, date: shortText(10), timeZone: shortText(60), prepDays: optionalInt(0, 30), k: key }),
  },
  /** A page of the manager's list of conversations (`skip`: the lines before it), as the `prep` command shows its first. */
  showReviews: { verb: 'review.list', data: z.object({ skip: optionalInt(0, 100_000) }) },
  showPrep: { verb: 'review.prep.show', data: z.object({ reviewId: id }) },
  /** "Verplaatsen of annuleren": the manager's card to move a planned conversation to another date, or cancel it. */
  openChangeReview: { verb: 'review.change.open', data: z.object({ reviewId: id }) },
  // `planned`: when the plan the card showed was made (cards from before send none).
  moveReview: { verb: 'review.move', data: z.object({ reviewId: id, date: shortText(10), planned: shortText(40).optional(), k: key }) },
  cancelReview: { verb: 'review.cancel', data: z.object({ reviewId: id, planned: shortText(40).optional() }) },
  /** The manager proposes a phase; the professional's own choice stays theirs. */
  proposeReviewPhase: { verb: 'review.phase.propose', data: z.object({ reviewId: id, phase: z.enum(MATURITY_PHASES), k: key }) },
  /** Prep cards sent by earlier versions carry this verb: it now proposes, like proposeReviewPhase. */
  pickReviewPhase: { verb: 'review.phase.pick', data: z.object({ reviewId: id, phase: z.enum(MATURITY_PHASES), k: key }) },
  saveFacilitated: {
    verb: 'review.facilitated.save',
    data: z.object({ reviewId: id, facilitated: shortText(5000), shareFacilitation: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional(), k: key }),
  },
  /** "Wat ziet mijn leidinggevende?": the professional's preview of their manager's prep card. */
  previewPrep: { verb: 'review.preview', data: z.object({ text: noteDraft }) },
  /**
   * On that preview, the professional chooses which teams' B3-spiegel their manager's card shows:
   * the revision of their choices the view showed (`rev`), each team it listed with whether the
   * card showed it then (`was`), and the toggles as inputs `prepTeam0`, `prepTeam1`, ... (read by
   * the handler; a toggle left as it was changes nothing). `draft`: the overview's new note.
   */
  savePrepTeams: { verb: 'review.prepTeams.save', data: z.object({ rev: int(0), teams: z.array(z.object({ id, was: z.boolean() }).strict()).max(MAX_TEAM_TOGGLES), draft: noteDraft }).passthrough() },
  /**
   * The professional asks their manager for a talentontwikkelgesprek: the form, and its send
   * button (`k`: the form's key, so a press delivered again sends once). `draft`: the overview's
   * new note, carried back to it.
   */
  // `text`: what was typed on a card whose field is the new note's (the look-back invitation), kept as the draft.
  openReviewRequest: { verb: 'review.request.open', data: z.object({ draft: noteDraft, text: noteDraft }) },
  sendReviewRequest: { verb: 'review.request.send', data: z.object({ text: typedText.default(''), k: key, draft: noteDraft }) },
  /** The professional withdraws their own kept request: the confirm, and the delete (the record's id, looked up in the presser's own partition only). */
  confirmWithdrawReviewRequest: { verb: 'review.request.confirmWithdraw', data: z.object({ id, draft: noteDraft }) },
  withdrawReviewRequest: { verb: 'review.request.withdraw', data: z.object({ id, draft: noteDraft }) },
  openTeamAccount: { verb: 'review.teamAccount.open', data: z.object({}) },
  // The limit's own reason comes from the domain (next to the field); this only bounds what a card may carry.
  sendTeamAccount: { verb: 'review.teamAccount.send', data: z.object({ text: shortText(20_000).default(''), alsoOwnManager: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional(), to: shortText(20_000).optional(), k: key }) },
  /**
   * The manager's kept accounts to their team: a page of the list (`skip`), the confirm before one
   * is deleted, and the delete (the record's id, looked up in the presser's own partition only).
   */
  openTeamAccounts: { verb: 'review.teamAccount.list', data: z.object({ skip: optionalInt(0, 100_000) }) },
  confirmDeleteTeamAccount: { verb: 'review.teamAccount.confirmDelete', data: z.object({ id }) },
  deleteTeamAccount: { verb: 'review.teamAccount.delete', data: z.object({ id }) },
  /**
   * A member puts a proposal their group adopted before their own manager: the form from the
   * overview (its `text`: the overview's new note, carried as `draft`), its send (`k`: the form's
   * key, so a press delivered again stores and sends once), and the manager's answer (`k`: the
   * card's key). The limits' own reasons come from the domain; these only bound what a card carries.
   */
  openProposalToManager: { verb: 'review.proposalToManager.open', data: z.object({ groupId: id, proposalId: id, text: noteDraft, draft: noteDraft }) },
  // `to`/`toName`: the manager the form named (the send goes to nobody else; a refusal draws the form again without the directory).
  sendProposalToManager: { verb: 'review.proposalToManager.send', data: z.object({ groupId: id, proposalId: id, words: shortText(20_000).default(''), k: key, draft: noteDraft, to: id.optional(), toName: shortText(500).optional() }) },
  answerProposalToManager: { verb: 'review.proposalToManager.answer', data: z.object({ memberId: id, recordId: id, answer: shortText(20_000).default(''), k: key }) },
  // B3-spiegel pulse polls. The answer's scores arrive as inputs item_<statement id> (read by the domain).
  // The comment up to where the domain stops counting characters (8 times its limit in UTF-16
  // units, lengthAgainst): refused there as it shows, and the refusal card that brings it back stays
  // within Teams' size also for a crafted press of quotes (two characters each in JSON; stop 58).
  pulseAnswer: { verb: 'pulse.answer', data: z.object({ pollId: id, targetId: id, open: shortText(8 * MAX_OPEN_ANSWER).optional() }).passthrough() },
  pulseView: { verb: 'pulse.view', data: z.object({ pollId: id, targetId: id }) },
  // `comments`: HR's comments in full, from this one on (the results card shows them cut, and at most 40).
  pulseResults: { verb: 'pulse.results', data: z.object({ pollId: id, teamId: id.optional(), comments: whole(0, 100_000).optional() }) },
  pulseStatus: { verb: 'pulse.status', data: z.object({ pollId: id }) },
  /**
   * HR's report, asked for where others read along: the period typed, and the language the command
   * word gave (counted only where no language is stored, as for the command). The handler checks HR.
   */
  hrReportView: { verb: 'hrReport.view', data: z.object({ from: shortText(10), to: shortText(10), language: z.enum(['nl', 'en']).optional() }) },
  /**
   * HR's Jaarplan Duurzaam leren targets: the form for a year (this year unless named), and its
   * save: the year and revision the form showed, its key (a press delivered again stores once), and
   * each target as typed (whole, within bounds, or empty: the domain reads and refuses them). Both
   * carry the language the command word gave (counted only where no language is stored), as
   * `hrReport.view` does: "annual plan" stays English through the refreshed form and its save.
   */
  openJaarplan: { verb: 'jaarplan.open', data: z.object({ year: optionalInt(2000, 2200), language: z.enum(['nl', 'en']).optional() }) },
  saveJaarplan: {
    verb: 'jaarplan.save',
    data: z.object({
      year: int(2000, 2200),
      rev: int(0),
      k: key,
      language: z.enum(['nl', 'en']).optional(),
      weekCycles: z.union([shortText(40), z.number()]).optional(),
      learningHours: z.union([shortText(40), z.number()]).optional(),
      proposalsValidated: z.union([shortText(40), z.number()]).optional(),
      // The half-yearly rhythm's two months, as chosen (the domain reads and refuses them).
      firstMoment: z.union([shortText(40), z.number()]).optional(),
      secondMoment: z.union([shortText(40), z.number()]).optional(),
    }),
  },
  /**
   * L&O's offer per theme (HR only, in their 1:1 chat): the overview of every theme, one theme's
   * form (the theme chosen on the overview, or the button's), and its save: the theme and revision
   * the form showed, its key (a press delivered again stores once), the words and link as typed
   * (the domain reads and refuses them), or `clear`. The language the command word gave travels along.
   */
  openLoOffers: { verb: 'loOffer.list', data: z.object({ language: z.enum(['nl', 'en']).optional() }) },
  openLoOffer: { verb: 'loOffer.open', data: z.object({ theme: shortText(40).default(''), language: z.enum(['nl', 'en']).optional() }) },
  saveLoOffer: {
    verb: 'loOffer.save',
    data: z.object({
      theme: shortText(40),
      rev: int(0),
      k: key,
      language: z.enum(['nl', 'en']).optional(),
      clear: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional(),
      offerText: shortText(20_000).default(''),
      offerLink: shortText(20_000).default(''),
    }),
  },
  /**
   * A group shares a proposal it adopted or adapted with L&O: the preview for the presser (from the
   * summary card's button, or the live session card's: that one names its session, so the presser's
   * view has a way back to it), and the share itself, on behalf of the group. Both in the group's chat only.
   * L&O (HR, in their own chat): the list of shared proposals (`skip`: the page), one proposal's answer
   * form, and the answer (the revision the form showed, its key; the words as typed: the domain reads
   * and refuses them). The language the command word gave travels along.
   */
  previewProposalToLo: { verb: 'proposalToLo.preview', data: z.object({ groupId: id, proposalId: id, sessionId: id.optional() }) },
  shareProposalToLo: { verb: 'proposalToLo.share', data: z.object({ groupId: id, proposalId: id, sessionId: id.optional() }) },
  openLoProposals: { verb: 'proposalToLo.list', data: z.object({ skip: optionalInt(0, 100_000), language: z.enum(['nl', 'en']).optional() }) },
  openLoProposal: { verb: 'proposalToLo.open', data: z.object({ id, language: z.enum(['nl', 'en']).optional() }) },
  answerLoProposal: {
    verb: 'proposalToLo.answer',
    data: z.object({ id, rev: int(1), k: key, language: z.enum(['nl', 'en']).optional(), answer: shortText(20_000).default('') }),
  },
} as const;

export type VerbName = keyof typeof VERBS;
/** An action's data as the handler gets it: parsed, coerced, defaults applied. */
export type VerbData<V extends VerbName> = z.infer<(typeof VERBS)[V]['data']>;

type CardInput<V extends VerbName> = z.input<(typeof VERBS)[V]['data']>;

/**
 * The required fields of a form's data that its inputs fill in (each input's id is the field's
 * name), so the button that sends the form leaves them out of its own data.
 */
export const FORM_INPUTS = {
  saveSetup: ['name', 'days', 'startTime', 'timeZone', 'language', 'weeks'],
  saveAgenda: ['day1', 'day2', 'day3', 'day4'],
  contribute: ['text'],
  answerPersonal: ['text'],
  askSkipWeek: ['week'],
  askMoveWeek: ['week'],
  saveTime: ['hours'],
  saveTraject: ['weeks'],
  planReview: ['reportId', 'date', 'timeZone'],
  moveReview: ['date'],
  proposeReviewPhase: ['phase'],
  saveFacilitated: ['facilitated'],
  // The offer form asks for the theme only when the save it came back from named none in the list.
  saveLoOffer: ['theme'],
} as const satisfies { [V in VerbName]?: readonly (keyof CardInput<V>)[] };

type FilledByInputs<V extends VerbName> = V extends keyof typeof FORM_INPUTS ? (typeof FORM_INPUTS)[V][number] : never;
/** `{}` would take any object: a verb without data takes an empty one only. */
type NoExtraKeys<T> = [keyof T] extends [never] ? Record<string, never> : T;

/**
 * What a card puts in an action's data: the verb's data as the card writes it (zod's input type:
 * numbers as numbers, defaults left out), less what the form's inputs fill in. A misspelt or
 * unknown key does not compile.
 */
export type CardData<V extends VerbName> = NoExtraKeys<Omit<CardInput<V>, FilledByInputs<V>> & Partial<Pick<CardInput<V>, FilledByInputs<V> & keyof CardInput<V>>>>;

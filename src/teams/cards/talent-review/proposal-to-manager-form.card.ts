import { DecidedProposal, MAX_PROPOSAL_WORDS_LENGTH } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, Element, execute, heading, holding, plainText, refusalNotice, submittedInput, subtle, textBlock, withFieldError } from '../card-kit';
import { errorTitle } from '../error.card';
import { backToOverview } from '../verantwoording/format';
import { decidedProposalSection } from './decided-proposal.section';
import { unitCeiling } from '../../../domain/shared/text';

/** A refused send: what was sent, and the reason per input id. */
export interface RefusedWords {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export interface ProposalToManagerForm {
  groupId: string;
  proposalId: string;
  /** The manager the form names (the directory's when it was drawn): the send goes to them or to nobody. */
  managerId: string;
  /** How the directory named them; absent: "your manager". */
  managerName?: string;
  proposal: DecidedProposal;
}

/**
 * Why a send came back unsent in a new form: the directory names another manager now than the
 * form the words were written on ('changed'), or that form named nobody ('unnamed').
 */
export type ManagerNotice = 'changed' | 'unnamed';

/**
 * The member's form, in their own 1:1 chat: it says this is their act and not the group's, names
 * the manager it goes to, and previews exactly what the manager's card will show (the proposal as
 * decided, its reason and first step), with an optional field for their own words. `key` is new
 * each time the form is drawn and travels with the press, with the manager it names (so the send
 * goes to nobody else, and a refusal draws the form again without asking the directory). `draft`:
 * the overview's new note, carried along and back. `sendFailed`: the store did not answer; the same
 * key, so a retry sends once. `managerNotice`: nothing was sent, the form names whom it goes to now.
 */
export function proposalToManagerFormCard(form: ProposalToManagerForm, t: Translate, key: string, opts: { draft?: string; words?: string; refused?: RefusedWords; sendFailed?: boolean; managerNotice?: ManagerNotice } = {}): AdaptiveCardJson {
  const { refused, draft } = opts;
  const typed = submittedInput(refused?.values, 'words') ?? opts.words ?? '';
  const top = opts.sendFailed ? [errorTitle(t), refusalNotice(t('proposalToManager.sendFailed'))] : [heading(t('proposalToManager.title')), ...(refused ? [refusalNotice(t('proposalToManager.notSent'))] : []), ...managerNoticeElements(form, opts.managerNotice, t)];
  // The manager's name as the directory has it: plain text.
  const goesTo = form.managerName ? plainText(t('proposalToManager.goesTo', { manager: form.managerName }), { weight: 'Bolder' }) : textBlock(t('proposalToManager.goesToYourManager'), { weight: 'Bolder' });
  return adaptiveCard(
    [
      ...top,
      textBlock(t('proposalToManager.ownAct')),
      goesTo,
      textBlock(t('proposalToManager.preview'), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' }),
      container(decidedProposalSection(form.proposal, t), { style: 'emphasis' }),
      subtle(t('proposalToManager.nothingElse')),
      ...withFieldError(
        { type: 'Input.Text', id: 'words', label: t('proposalToManager.wordsLabel'), placeholder: t('proposalToManager.wordsPlaceholder'), isMultiline: true, spacing: 'Large', ...holding(unitCeiling(MAX_PROPOSAL_WORDS_LENGTH), typed) },
        refused?.errors.words,
      ),
    ],
    [
      execute(t('proposalToManager.send'), 'sendProposalToManager', { groupId: form.groupId, proposalId: form.proposalId, k: key, to: form.managerId, ...(form.managerName ? { toName: form.managerName } : {}), ...(draft ? { draft } : {}) }, { style: 'positive' }),
      backToOverview(t, draft),
    ],
  );
}

/** The line above a form that came back unsent because of whom it goes to (a name from the directory: plain text). */
function managerNoticeElements(form: ProposalToManagerForm, notice: ManagerNotice | undefined, t: Translate): Element[] {
  if (!notice) return [];
  if (notice === 'unnamed') return [refusalNotice(t('proposalToManager.checkManager'))];
  if (!form.managerName) return [refusalNotice(t('proposalToManager.managerChangedYourManager'))];
  return [plainText(t('proposalToManager.managerChanged', { manager: form.managerName }), { color: 'Attention', weight: 'Bolder' })];
}

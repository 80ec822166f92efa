import { DecidedProposal, MAX_PROPOSAL_WORDS_LENGTH } from '../../../domain/talent-review/proposal-to-manager';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, holding, plainText, refusalNotice, subtle, submittedText, textBlock, withFieldError } from '../card-kit';
import { errorTitle } from '../error.card';
import { backToOverview } from '../verantwoording/format';
import { decidedProposalSection } from './decided-proposal.section';

/** A refused send: what was sent, and the reason per input id. */
export interface RefusedWords {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export interface ProposalToManagerForm {
  groupId: string;
  proposalId: string;
  /** The manager as the directory names them now; absent: "your manager". */
  managerName?: string;
  proposal: DecidedProposal;
}

/**
 * The member's form, in their own 1:1 chat: it says this is their act and not the group's, names
 * the manager it goes to, and previews exactly what the manager's card will show (the proposal as
 * decided, its reason and first step), with an optional field for their own words. `key` is new
 * each time the form is drawn and travels with the press. `draft`: the overview's new note, carried
 * along and back. `sendFailed`: the store did not answer; the same key, so a retry sends once.
 */
export function proposalToManagerFormCard(form: ProposalToManagerForm, t: Translate, key: string, opts: { draft?: string; words?: string; refused?: RefusedWords; sendFailed?: boolean } = {}): AdaptiveCardJson {
  const { refused, draft } = opts;
  const typed = submittedText(refused?.values, 'words') ?? opts.words ?? '';
  const top = opts.sendFailed ? [errorTitle(t), refusalNotice(t('proposalToManager.sendFailed'))] : [heading(t('proposalToManager.title')), ...(refused ? [refusalNotice(t('proposalToManager.notSent'))] : [])];
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
        { type: 'Input.Text', id: 'words', label: t('proposalToManager.wordsLabel'), placeholder: t('proposalToManager.wordsPlaceholder'), isMultiline: true, spacing: 'Large', ...holding(MAX_PROPOSAL_WORDS_LENGTH, typed) },
        refused?.errors.words,
      ),
    ],
    [
      execute(t('proposalToManager.send'), 'sendProposalToManager', { groupId: form.groupId, proposalId: form.proposalId, k: key, ...(draft ? { draft } : {}) }, { style: 'positive' }),
      backToOverview(t, draft),
    ],
  );
}

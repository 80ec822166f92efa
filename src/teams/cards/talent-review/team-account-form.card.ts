import { MAX_TEAM_ACCOUNT_LENGTH } from '../../../domain/talent-review/team-account';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, holding, plainText, refusalNotice, submittedInput, subtle, textBlock, withFieldError } from '../card-kit';
import { keptAccountsSection, KeptAccountsView } from './team-accounts-kept.section';
import { unitCeiling } from '../../../domain/shared/text';

/** A refused account: what was sent, and the reason per input id. */
export interface RefusedAccount {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** Why nothing was sent, when it is no fault of the words (an erasure under way); else "adjust your text". */
  why?: string;
}

/** The toggle as a refused send carried it, read as the send reads it: the text "true" or JSON `true` is ticked. */
function tickedOnRefused(values: Record<string, unknown> | undefined): boolean {
  const v = values?.alsoOwnManager;
  return v === true || v === 'true';
}

/**
 * The manager's form to account to their team: who it goes to (their direct reports, by the
 * directory's names, as plain text), the words, and a send button. `key` is new each time the form
 * is drawn and travels with the press, so Teams delivering it again sends nobody a second card.
 * Where the directory names the manager's own manager, a toggle sends it to them too. A
 * refused account comes back whole, with the reason next to it; `text`: what followed the command.
 * Under it, the manager's earlier accounts (`kept`).
 */
export function teamAccountFormCard(
  t: Translate,
  key: string,
  team: { id: string; name: string }[],
  opts: { refused?: RefusedAccount; text?: string; hasOwnManager?: boolean; kept?: KeptAccountsView } = {},
): AdaptiveCardJson {
  const typed = submittedInput(opts.refused?.values, 'text') ?? opts.text ?? '';
  return adaptiveCard(
    [
      heading(t('teamAccount.title')),
      textBlock(t('teamAccount.intro')),
      textBlock(t('teamAccount.goesTo', { count: team.length }), { size: 'Small', weight: 'Bolder' }),
      plainText(team.map((m) => m.name).join(', ')),
      ...(opts.refused ? [refusalNotice(opts.refused.why ?? t('teamAccount.notSent'))] : []),
      ...withFieldError(
        { type: 'Input.Text', id: 'text', label: t('teamAccount.label'), placeholder: t('teamAccount.placeholder'), isMultiline: true, isRequired: true, errorMessage: t('teamAccount.required'), ...holding(unitCeiling(MAX_TEAM_ACCOUNT_LENGTH), typed) },
        opts.refused?.errors.text,
      ),
      // Unticked unless the manager ticks it (kept on a refused form): sending up is their choice.
      // Ticked as the send reads it (VERBS.sendTeamAccount): the text "true", or a client's JSON `true`.
      ...(opts.hasOwnManager
        ? [{ type: 'Input.Toggle' as const, id: 'alsoOwnManager', title: t('teamAccount.alsoOwnManager'), value: tickedOnRefused(opts.refused?.values) ? ('true' as const) : ('false' as const), valueOn: 'true', valueOff: 'false' }]
        : []),
      subtle(t('teamAccount.nothingElse')),
      subtle(t('teamAccount.kept.note')),
      ...(opts.kept ? keptAccountsSection(opts.kept, t) : []),
    ],
    // `to`: whom the form names; the send goes to no one else.
    [execute(t('teamAccount.send'), 'sendTeamAccount', { k: key, to: team.map((m) => m.id).join(',') }, { style: 'positive' })],
  );
}

import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { PrepTeamPress } from '../../../domain/talent-review/prep-teams';
import { choosePrepTeams } from '../../../usecases/talent-review/prep-teams';
import { CardActionContext } from '../../card-actions';
import { prepTeamInputId, PrepTeamsNotice } from '../../cards/talent-review/prep-teams.section';
import { tenantOf } from '../../turn';
import { VerbData } from '../../verbs';
import { managerUi, TalentReviewFeatureDeps } from './deps';
import { onOwnChatAction } from './own-chat';
import { noManagerCard, previewCard } from './preview-card';

/** A toggle as a client sends it: the text "true"/"false" (or a JSON boolean); anything else is no answer. */
function toggleValue(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/**
 * The toggles as pressed (each listed team's, by team id) and the press: only a toggle moved from
 * what the view showed is a change. A team listed twice (a forged card) counts once.
 */
export function pressOf(data: VerbData<'savePrepTeams'>): { typed: Map<string, boolean>; press: PrepTeamPress } {
  const sent = data as Record<string, unknown>;
  const typed = new Map<string, boolean>();
  const changes: PrepTeamPress['changes'] = [];
  data.teams.forEach((team, i) => {
    const on = toggleValue(sent[prepTeamInputId(i)]);
    if (on === undefined || typed.has(team.id)) return;
    typed.set(team.id, on);
    if (on !== team.was) changes.push({ teamId: team.id, shown: on });
  });
  return { typed, press: { rev: data.rev, changes } };
}

/**
 * "Keuze opslaan" on the professional's preview: their choice of which teams' B3-spiegel their
 * manager's card shows. Answered with the preview as it is now (the card above the toggles is
 * what the manager gets), saying it was saved; a press on an older view (another card changed
 * the choices since), or while their erasure is unfinished, stores nothing and comes back with
 * the toggles as they pressed them and why.
 */
export function registerPrepTeamChoices(app: Application<TurnState>, actions: CardActionContext, deps: TalentReviewFeatureDeps): void {
  const answer = async (context: TurnContext, draft: string | undefined, teams: { typed?: ReadonlyMap<string, boolean>; notice: PrepTeamsNotice }) => {
    const ui = await managerUi(deps, context);
    const preview = await previewCard(deps.talentReview, deps.translator, ui.managerId, ui.language, tenantOf(context), { draft, teams });
    return { card: preview.status === 'noManager' ? noManagerCard(ui.t, draft) : preview.card, personal: true };
  };
  onOwnChatAction(app, actions, 'savePrepTeams', async (context, data) => {
    const { t, managerId: userId } = await managerUi(deps, context);
    const { typed, press } = pressOf(data);
    try {
      const outcome = await choosePrepTeams(deps.talentReview, userId, press);
      // Counts and outcome only: which teams, and whose, stay out of the log.
      deps.logger.info({ outcome, changes: press.changes.length }, 'prep team choice');
      if (outcome === 'stale') return answer(context, data.draft, { typed, notice: { text: t('talentReview.prepTeams.stale'), refused: true } });
      return answer(context, data.draft, { notice: { text: t('talentReview.prepTeams.saved') } });
    } catch (err) {
      if (!isDomainError(err) || (err.code !== 'erasureUnderway' && err.code !== 'saveTooSlow')) throw err;
      deps.logger.info({ outcome: err.code }, 'prep team choice refused');
      // Nothing stored (a first choice answered after its save window was taken back): the toggles as pressed, and why.
      return answer(context, data.draft, { typed, notice: { text: t(err.code === 'saveTooSlow' ? 'error.saveTooSlow' : 'talentReview.form.erasing'), refused: true } });
    }
  });
}

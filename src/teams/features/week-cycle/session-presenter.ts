import { Group } from '../../../domain/week-cycle/group';
import { Session } from '../../../domain/week-cycle/session';
import { buildSessionView } from '../../../usecases/week-cycle/session-view';
import { buildSummaryView } from '../../../usecases/week-cycle/summary-view';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { sessionCard } from '../../cards/session.card';
import { sessionSummaryCard } from '../../cards/session-summary.card';
import { ActionOutcome } from '../../card-actions';
import { FeatureDeps } from '../feature-deps';

/** Renders session cards: the neutral shared one, and each member's own view. */
export class SessionPresenter {
  constructor(private readonly deps: FeatureDeps) {}

  async shared(group: Group, session: Session): Promise<AdaptiveCardJson> {
    return sessionCard(await buildSessionView(this.deps.weekCycle, group, session), this.deps.translator.t(group.language));
  }

  async personal(group: Group, session: Session, viewerId: string): Promise<AdaptiveCardJson> {
    return sessionCard(await buildSessionView(this.deps.weekCycle, group, session, viewerId), this.deps.translator.t(group.language));
  }

  async summary(group: Group, session: Session): Promise<AdaptiveCardJson> {
    return sessionSummaryCard(await buildSummaryView(this.deps.weekCycle, group, session), group.id, this.deps.translator.t(group.language));
  }

  /** The usual outcome of a session action: the actor's own view, and the shared card for everyone. */
  async outcome(group: Group, session: Session, viewerId: string): Promise<ActionOutcome> {
    const [card, shared] = await Promise.all([this.personal(group, session, viewerId), this.shared(group, session)]);
    return { card, personal: true, shared };
  }

  /** Updates the shared card outside a turn (AI draft ready, time box), where it was posted. */
  async pushShared(group: Group, session: Session): Promise<void> {
    if (!session.cardActivityId) return;
    await this.deps.messenger.update(group.conversationRef, session.cardActivityId, await this.shared(group, session));
  }
}

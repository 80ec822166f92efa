import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DomainError } from '../../../domain/shared/errors';
import { DEFAULT_PLANNED_WEEKS, defaultSchedule, GroupSettings, Weekday } from '../../../domain/week-cycle/group';

import { groupIdFor, setUpGroup } from '../../../usecases/week-cycle/set-up-group';
import { onCardAction } from '../../card-actions';
import { cycleCardFor } from './cycle.handlers';
import { groupSetupCard } from '../../cards/group-setup.card';
import { actorOf, conversationKindOf, groupConversationId, tenantOf } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { readRoster } from './roster';
import { RefusedForm, weekCycleReason } from './refusal-forms';

export async function setupCardFor(deps: FeatureDeps, context: TurnContext, refused?: RefusedForm) {
  const group = await deps.weekCycle.groups.get(groupIdFor(groupConversationId(context)));
  const roster = await readRoster(context, deps.logger);
  const language = group?.language ?? deps.defaultLanguage;
  const current: GroupSettings = group ?? {
    name: context.activity.conversation.name || 'Vitale Weekcyclus',
    members: roster.length <= 8 ? roster : roster.filter((m) => m.id === actorOf(context).id),
    schedule: defaultSchedule(deps.timeZone),
    language,
    plannedWeeks: DEFAULT_PLANNED_WEEKS,
  };
  const known = new Map([...roster, ...(group?.members ?? [])].map((m) => [m.id, m]));
  return groupSetupCard({ roster: [...known.values()], current }, deps.translator.t(language), refused);
}

export function registerGroupSetup(app: Application<TurnState>, deps: FeatureDeps): void {
  onCardAction(app, deps.actions, 'openSetup', async (context) => {
    if (conversationKindOf(context) === 'personal') throw new DomainError('forbidden', 'setup in personal chat');
    return { card: await setupCardFor(deps, context), personal: false };
  });

  onCardAction(app, deps.actions, 'saveSetup', async (context, data) => {
    if (conversationKindOf(context) === 'personal') throw new DomainError('forbidden', 'setup in personal chat');
    const roster = await readRoster(context, deps.logger);
    const existing = await deps.weekCycle.groups.get(groupIdFor(groupConversationId(context)));
    const known = new Map([...roster, ...(existing?.members ?? [])].map((m) => [m.id, m]));
    const members = data.members.split(',').map((id) => known.get(id.trim())).filter((m) => m !== undefined);
    const days = data.days.split(',').map((d) => Number(d.trim())).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7) as Weekday[];
    const ref = TurnContext.getConversationReference(context.activity);
    const group = await setUpGroup(deps.weekCycle, actorOf(context), {
      conversationId: groupConversationId(context),
      conversationKind: conversationKindOf(context),
      tenantId: tenantOf(context),
      conversationRef: { ...ref, conversation: { ...ref.conversation, id: groupConversationId(context) } } as unknown as Record<string, unknown>,
      settings: { name: data.name, members, schedule: { days, startTime: data.startTime.slice(0, 5), timeZone: data.timeZone }, language: data.language, plannedWeeks: data.weeks },
    });
    return { card: await cycleCardFor(deps, group), personal: false };
  }, { form: { reason: weekCycleReason, inputs: { plannedWeeks: 'weeks' }, render: (context, r) => setupCardFor(deps, context, { values: r.values, errors: r.errors }) } });
}

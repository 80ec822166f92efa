import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError } from '../../../domain/shared/errors';
import { DEFAULT_PLANNED_WEEKS, defaultSchedule, Group, GroupSettings, groupSettingsProblems, readStartTime, revisionOf, SettingsSeen, suggestedGroupName, Weekday } from '../../../domain/week-cycle/group';

import { groupIdFor, RhythmSetting, setUpGroup } from '../../../usecases/week-cycle/set-up-group';
import { leftGroup } from '../../../usecases/week-cycle/membership';
import { FieldProblem, onCardAction } from '../../card-actions';
import { loggableError } from '../../../log/loggable-error';
import { VerbData } from '../../verbs';
import { escapeMarkdown } from '../../cards/card-kit';
import type { Locale, Translate } from '../../../i18n/i18n';
import { cycleCardAfterStored } from './cycle.handlers';
import { groupSetupCard } from '../../cards/group-setup.card';
import { actorOf, conversationKindOf, groupConversationId, tenantOf } from '../../turn';
import { FeatureDeps } from '../feature-deps';
import { redrawOpenSession } from './open-session-redraw';
import { SessionPresenter } from './session-presenter';
import { readChatRoster, readRoster, teamChannelOf } from './roster';
import { RefusedForm, weekCycleReason } from './refusal-forms';

/** `language`: a refused form comes back in the language of its reasons, also before the group exists. */
export async function setupCardFor(deps: FeatureDeps, context: TurnContext, refused?: RefusedForm, language?: Locale) {
  const group = await deps.weekCycle.groups.get(groupIdFor(groupConversationId(context)));
  const roster = await readRoster(context, deps.logger);
  language ??= group?.language ?? deps.defaultLanguage;
  const current: GroupSettings = group ?? {
    // The chat's name, cut to a group name's length: the form sends it back as what it showed.
    name: suggestedGroupName(context.activity.conversation.name, 'Vitale Weekcyclus'),
    members: roster.length <= 8 ? roster : roster.filter((m) => m.id === actorOf(context).id),
    schedule: defaultSchedule(deps.timeZone),
    language,
    plannedWeeks: DEFAULT_PLANNED_WEEKS,
  };
  const known = new Map([...roster, ...(group?.members ?? [])].map((m) => [m.id, m]));
  return groupSetupCard({ roster: [...known.values()], current, rev: revisionOf(group) }, deps.translator.t(language), refused);
}

/** `presenter`: the one the session handlers draw with; the setup save redraws the open session's card through it. */
export function registerGroupSetup(app: Application<TurnState>, deps: FeatureDeps, presenter: SessionPresenter): void {
  onCardAction(app, deps.actions, 'openSetup', async (context) => {
    if (conversationKindOf(context) === 'personal') throw new DomainError('forbidden', 'setup in personal chat');
    return { card: await setupCardFor(deps, context), personal: false };
  });

  onCardAction(app, deps.actions, 'saveSetup', async (context, data) => {
    if (conversationKindOf(context) === 'personal') throw new DomainError('forbidden', 'setup in personal chat');
    const { members: roster, actorListed } = await readChatRoster(context, deps.logger);
    const existing = await deps.weekCycle.groups.get(groupIdFor(groupConversationId(context)));
    if (existing) await refuseWhoLeftTheChat(deps, existing, actorOf(context), actorListed);
    const known = new Map([...roster, ...(existing?.members ?? [])].map((m) => [m.id, m]));
    const chosen = data.members.split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (chosen.some((id) => !known.has(id))) {
      // Nobody chosen on the form is left out silently. readRoster offers only the presser when
      // Teams could not list the chat (a group chat has more people): then trying again helps.
      const rosterUnread = roster.length === 1 && roster[0]!.id === actorOf(context).id;
      throw new DomainError('invalidInput', { detail: 'members not in the roster', input: { field: 'members', rule: 'format', params: rosterUnread ? { rosterUnread: 1 } : { notInChat: 1 } } });
    }
    const members = chosen.map((id) => known.get(id)!);
    const days = weekdays(data.days);
    const ref = TurnContext.getConversationReference(context.activity);
    // A group in one of a team's own channels names its team: the app's removal from the team
    // pauses it (chat-members.handlers.ts). Not one in a shared or private channel (see
    // teamChannelOf); saved again there, a group stored with the host team before loses it here.
    const team = conversationKindOf(context) === 'channel' ? teamChannelOf(context) : undefined;
    const { group, notAdded } = await setUpGroup(deps.weekCycle, actorOf(context), {
      conversationId: groupConversationId(context),
      conversationKind: conversationKindOf(context),
      tenantId: tenantOf(context),
      conversationRef: { ...ref, conversation: { ...ref.conversation, id: groupConversationId(context) }, ...(team ? { team: { id: team } } : {}) } as unknown as Record<string, unknown>,
      settings: { name: data.name, members, schedule: { days, startTime: readStartTime(data.startTime), timeZone: data.timeZone }, language: data.language, plannedWeeks: data.weeks },
      ...(data.shown ? { seen: seenOn(data.shown, data.rev ?? 0) } : {}),
      pressKey: data.k ?? context.activity.id,
      rhythmChanged: (saved, changed, saveKey) => tellRhythmChanged(deps, context, saved, changed, saveKey),
    });
    // The open session's shared card shows the group's name and language, as "taal" redraws it.
    await redrawOpenSession(deps, presenter, group, 'setup saved');
    // Someone picked could not be added (their index could not be written in time): the rest is
    // saved, and the form comes back holding the picks, saying whom, so a save again adds them.
    if (notAdded.length) return { card: await setupCardFor(deps, context, notAllAdded(deps, group, data, notAdded), group.language), personal: false };
    return cycleCardAfterStored(deps, context, group, 'setup.saved');
  }, {
    form: {
      reason: setupReason,
      inputs: { plannedWeeks: 'weeks' },
      alsoRefused: settingsProblemsOf,
      render: (context, r) => {
        const changedMeanwhile = r.problems.some((p) => p.code === 'conflict' && p.params.settingsChanged);
        return setupCardFor(deps, context, { values: r.values, errors: r.errors, changedMeanwhile }, r.locale);
      },
    },
  });
}

/** The form as sent, with a note at the members: who could not be added (no reason given: it may be anyone's erasure). */
function notAllAdded(deps: FeatureDeps, group: Group, data: VerbData<'saveSetup'>, notAdded: { name: string }[]): RefusedForm {
  const t = deps.translator.t(group.language);
  const names = new Intl.ListFormat(group.language, { type: 'conjunction' }).format(notAdded.map((m) => escapeMarkdown(m.name)));
  return { values: { ...data }, errors: { members: t('setup.notAllAdded', { names }) }, partlySaved: true };
}

/**
 * New settings that change when the group meets are told to the whole chat, not only to the one
 * who saved them (their answer replaces the form for them alone): who changed what, as it is now.
 * Queued through the outbox under the key of the group's revision the save wrote, so a save
 * retried tells it once, and Teams refusing the message fails nothing: the outbox sends it later.
 * When the outbox cannot take it, the save stands all the same (its group, plan and jobs are
 * stored by then): logged, never an error card over a change that was made.
 */
async function tellRhythmChanged(deps: FeatureDeps, context: TurnContext, group: Group, changed: RhythmSetting[], saveKey: string): Promise<void> {
  try {
    await queueRhythmChanged(deps, context, group, changed, saveKey);
  } catch (err) {
    deps.logger.warn({ ...loggableError(err), changed }, 'settings saved; the message telling the chat could not be queued');
  }
}

async function queueRhythmChanged(deps: FeatureDeps, context: TurnContext, group: Group, changed: RhythmSetting[], saveKey: string): Promise<void> {
  const t = deps.translator.t(group.language);
  const days = new Intl.ListFormat(group.language, { type: 'conjunction' }).format([...group.schedule.days].sort((a, b) => a - b).map((d) => t(`weekday.${d}`)));
  const part: Record<RhythmSetting, () => string> = {
    startTime: () => t('setup.toldChange.startTime', { time: group.schedule.startTime }),
    timeZone: () => t('setup.toldChange.timeZone', { zone: group.schedule.timeZone }),
    days: () => t('setup.toldChange.days', { days }),
    plannedWeeks: () => t('setup.toldChange.plannedWeeks', { count: group.plannedWeeks }),
  };
  // A text message is read as Markdown: the display name as typed, never bold or a link of the bot's.
  const actor = actorOf(context);
  const text = t('setup.toldInChat', { name: escapeMarkdown(actor.name), changes: changed.map((c) => part[c]()).join('; ') });
  await deps.messenger.queueText(group.conversationRef, text, `setup.changed:${group.id}:${saveKey}`, [actor.id]);
}

/**
 * A group is its chat: someone Teams removed from it left the group, and does not rewrite the
 * group's settings from a setup form still on their screen. Their own index says they left, and
 * Teams' roster (which readChatRoster fills up with the presser) no longer lists them. Listed
 * again: they are back in the chat, and save as anyone in it. When Teams cannot list the chat,
 * the save waits for a roster that can tell. Nothing is stored either way.
 */
async function refuseWhoLeftTheChat(deps: FeatureDeps, group: Group, actor: { id: string }, actorListed: boolean | undefined): Promise<void> {
  if (actorListed === true || !(await leftGroup(deps.weekCycle, group, actor.id))) return;
  const params: Record<string, number> = actorListed === false ? { presserNotInChat: 1 } : { rosterUnread: 1 };
  throw new DomainError('forbidden', { detail: 'setup saved by someone who left the group with the chat', input: { field: 'members', rule: 'format', params } });
}

/**
 * The rules the form's inputs break, checked on what the card sent as the domain checks a save:
 * a refusal (of the payload or of one field) then names every wrong field at once.
 */
function settingsProblemsOf(values: Record<string, unknown>): FieldProblem[] {
  const text = (id: string) => (typeof values[id] === 'string' ? (values[id] as string) : '');
  const weeks = typeof values.weeks === 'number' ? values.weeks : Number(text('weeks').trim() || NaN);
  const members = text('members').split(',').map((id) => id.trim()).filter((id) => id !== '').map((id) => ({ id, name: id }));
  const settings: GroupSettings = {
    name: text('name'),
    members,
    schedule: { days: weekdays(text('days')), startTime: readStartTime(text('startTime')), timeZone: text('timeZone') },
    language: values.language === 'en' ? 'en' : 'nl',
    plannedWeeks: weeks,
  };
  return groupSettingsProblems(settings).map((p) => ({ field: p.input.field, code: p.code, rule: p.input.rule, params: p.input.params ?? {} }));
}

function weekdays(csv: string): Weekday[] {
  return csv.split(',').map((d) => Number(d.trim())).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7) as Weekday[];
}

/** The settings the form showed when it was opened, as the card sent them back. */
function seenOn(shown: NonNullable<VerbData<'saveSetup'>['shown']>, rev: number): SettingsSeen {
  const memberIds = shown.members.split(',').map((id) => id.trim()).filter((id) => id !== '');
  return { rev, name: shown.name, memberIds, schedule: { days: weekdays(shown.days), startTime: readStartTime(shown.startTime), timeZone: shown.timeZone }, language: shown.language, plannedWeeks: shown.weeks };
}

/** The members the form could not take say why: Teams could not list the chat, or someone is not in it. */
function setupReason(p: FieldProblem, t: Translate): string {
  if (p.params.settingsChanged) return t('setup.changedField');
  if (p.field === 'members' && p.params.erasing) return t('setup.memberBeingErased');
  if (p.field === 'members' && p.params.presserNotInChat) return t('setup.presserNotInChat');
  if (p.field === 'members' && p.params.rosterUnread) return t('weekCycleForm.rosterUnread');
  if (p.field === 'members' && p.params.notInChat) return t('weekCycleForm.membersNotInChat');
  return weekCycleReason(p, t);
}

import { randomUUID } from 'node:crypto';
import { StartRequest } from '../../domain/pulse-poll/poll-command';
import { DomainError } from '../../domain/shared/errors';
import { closingInstant, isOpenAt, Poll, PollTarget, reminderInstants } from '../../domain/pulse-poll/poll';
import { emptyTally } from '../../domain/pulse-poll/tally';
import { Installation } from '../../domain/pulse-poll/ports';
import { stableId } from '../../domain/shared/ids';
import { Actor } from '../week-cycle/deps';
import { requireHr } from './access';
import { PULSE_JOBS, PulsePollDeps } from './deps';

export interface StartContext {
  tenantId: string;
  actor: Actor;
  /** The command message's id: a redelivered command starts the same poll, not a second one. */
  commandId: string;
  /** The team and conversation the command was typed in. */
  here: {
    team?: Omit<Installation, 'id' | 'installed'>;
    conversationId: string;
    serviceUrl: string;
    botId?: string;
    /** The language HR is answered in there. */
    language?: 'nl' | 'en';
  };
}

export interface StartOutcome {
  poll: Poll;
  /** This request stored the poll (also when its create was retried after a lost answer): it announces it. */
  created: boolean;
  /** Teams without the named channel, which get the poll in their General channel. */
  generalInstead: string[];
}

const GENERAL_NAMES = new Set(['general', 'algemeen']);
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function matchTeam(teams: Installation[], name: string): Installation {
  const wanted = norm(name);
  const exact = teams.filter((t) => norm(t.name) === wanted);
  if (exact.length === 1) return exact[0]!;
  const partial = exact.length ? exact : teams.filter((t) => norm(t.name).includes(wanted));
  if (partial.length === 1) return partial[0]!;
  const names = (partial.length ? partial : teams).map((t) => t.name).slice(0, 12).join(', ');
  throw new DomainError(partial.length ? 'ambiguousTeam' : 'unknownTeam', { params: { team: name, teams: names } });
}

async function targetTeams(deps: PulsePollDeps, ctx: StartContext, request: StartRequest): Promise<Installation[]> {
  if (request.target.kind === 'current') {
    if (!ctx.here.team) throw new DomainError('notInTeam');
    const here = await deps.installations.get(ctx.tenantId, ctx.here.team.teamId);
    if (!here) throw new DomainError('notInTeam');
    return [here];
  }
  const installed = await deps.installations.listInstalled(ctx.tenantId);
  if (!installed.length) throw new DomainError('noTeams');
  return request.target.kind === 'all' ? installed : [matchTeam(installed, request.target.name)];
}

/** The channel a team gets the poll in: the named one, or General. */
async function channelFor(deps: PulsePollDeps, team: Installation, channelName: string | undefined, single: boolean): Promise<{ id: string; name?: string } | undefined> {
  if (!channelName || GENERAL_NAMES.has(norm(channelName))) return { id: team.generalChannelId };
  const channels = await deps.roster.channels(team);
  const found = channels.find((c) => c.name && norm(c.name) === norm(channelName));
  if (found) return { id: found.id, name: found.name };
  if (single) throw new DomainError('unknownChannel', { params: { channel: channelName, channels: ['General', ...channels.filter((c) => c.name).map((c) => c.name!)].slice(0, 12).join(', ') } });
  return undefined;
}

/** How long a claim holds a team before its poll is stored: far longer than a start takes. */
const START_CLAIM_HOLDS_MS = 60_000;

/**
 * Claims every team for this poll, or none: a team held by another open poll refuses the start.
 * Claims are per team and under ETags, so two polls started at the same moment cannot both get
 * a team (two overlapping polls of one team would let their results be set against each other).
 */
async function claimTeams(deps: PulsePollDeps, tenantId: string, pollId: string, teams: Installation[]): Promise<void> {
  const now = deps.clock.now();
  const holderHolds = async (holderId: string, claimedAt: string | undefined) => {
    const holder = await deps.polls.get(holderId);
    if (holder) return isOpenAt(holder, now);
    // Its start claims the teams before it stores the poll: while it may still be storing it, the
    // team is held (a start that stopped between the two lets go after this while).
    return claimedAt !== undefined && now.getTime() - new Date(claimedAt).getTime() < START_CLAIM_HOLDS_MS;
  };
  const claimed: Installation[] = [];
  const letGo = async () => {
    for (const c of claimed) await deps.locks.release(tenantId, c.teamId, pollId).catch(() => undefined);
  };
  for (const team of teams) {
    let held: boolean;
    try {
      held = await deps.locks.claim(tenantId, team.teamId, pollId, now.toISOString(), holderHolds);
    } catch (err) {
      // The start fails with nothing stored: its claims go, or HR's next try is refused for a minute.
      await letGo();
      throw err;
    }
    if (held) {
      claimed.push(team);
      continue;
    }
    await letGo();
    throw new DomainError('alreadyOpen', { params: { team: team.name } });
  }
}

/**
 * HR starts a poll for one team or all teams the app is installed in. The teams are claimed, an
 * empty tally is stored and the delivery, reminders and closing are scheduled as durable jobs, and
 * only then the poll with its targets (see storeClaimedPoll).
 */
export async function startPoll(deps: PulsePollDeps, ctx: StartContext, request: StartRequest): Promise<StartOutcome> {
  await requireHr(deps, ctx.actor.id);
  if (ctx.here.team) await deps.installations.record({ ...ctx.here.team, installed: true });
  const now = deps.clock.now();
  const closesAt = closingInstant(request.closesOn, now, deps.timeZone);
  const teams = await targetTeams(deps, ctx, request);

  const pollId = stableId('poll', ctx.tenantId, ctx.commandId);
  const tenantPolls = await deps.polls.listForTenant(ctx.tenantId);
  // A redelivered command finds the poll its first delivery stored.
  const existing = tenantPolls.find((p) => p.id === pollId);
  const open = tenantPolls.filter((p) => p.status === 'open' && new Date(p.closesAt) > now);
  // Polls started before team claims existed hold no claim: they are checked here.
  const busy = teams.find((t) => open.some((p) => p.id !== pollId && p.targets.some((x) => x.teamId === t.teamId)));
  if (busy) throw new DomainError('alreadyOpen', { params: { team: busy.name } });

  const generalInstead: string[] = [];
  const targets: PollTarget[] = [];
  for (const team of teams) {
    const channel = (await channelFor(deps, team, request.channelName, teams.length === 1)) ?? { id: team.generalChannelId };
    if (request.channelName && channel.id === team.generalChannelId && !GENERAL_NAMES.has(norm(request.channelName))) generalInstead.push(team.name);
    targets.push({
      id: stableId('pt', ctx.tenantId, team.teamId),
      teamId: team.teamId,
      teamName: team.name,
      aadGroupId: team.aadGroupId,
      channelId: channel.id,
      channelName: channel.name,
      serviceUrl: team.serviceUrl,
      botId: team.botId,
      delivered: false,
    });
  }

  const poll: Poll = {
    id: pollId,
    pollId,
    type: 'poll',
    tenantId: ctx.tenantId,
    scope: request.target.kind === 'all' ? { kind: 'all' } : { kind: 'team', teamId: teams[0]!.teamId },
    language: request.language ?? deps.defaultLanguage,
    delivery: request.delivery,
    privateNudges: request.privateNudges,
    status: 'open',
    opensAt: now.toISOString(),
    closesOn: request.closesOn,
    closesAt: closesAt.toISOString(),
    reminders: reminderInstants(now, request.closesOn, closesAt, deps.reminderPoints, deps.timeZone, deps.holidays),
    targets,
    hrChannel: { conversationId: ctx.here.conversationId, serviceUrl: ctx.here.serviceUrl, botId: ctx.here.botId, ...(ctx.here.language ? { language: ctx.here.language } : {}) },
    startedByTeamsId: ctx.actor.teamsId,
    startedBy: ctx.actor.id,
    openedBy: randomUUID(),
  };
  await claimTeams(deps, ctx.tenantId, pollId, teams);
  const { poll: stored, created } = await storeClaimedPoll(deps, poll, teams, existing);
  // A create retried after its answer was lost finds its own poll: this attempt started it.
  return { poll: stored, created: created || stored.openedBy === poll.openedBy, generalInstead };
}

/**
 * Stores the poll its teams were claimed for, as the last step: its tally and jobs are written
 * first, so a stored open poll always has them. A start that fails or stops (a crash) at any step
 * before leaves nothing that holds a team: no open poll, and claims that go or lapse (claimTeams);
 * its tally and jobs do nothing without their poll (and are written again by a redelivery of the
 * command, which stores the same poll). Undoing steps after the poll was stored instead would
 * leave a blocking poll nobody received whenever the undoing itself failed or the process stopped.
 * When a step fails and the poll is not there, the claims go, so HR's next try is not refused for
 * a minute; when that cannot be told, they stay, and lapse then.
 */
async function storeClaimedPoll(deps: PulsePollDeps, poll: Poll, teams: Installation[], existing: Poll | undefined): Promise<{ poll: Poll; created: boolean }> {
  try {
    // A redelivered command's poll keeps its own reminders; a closed one gets no jobs again.
    const prepared = existing ?? poll;
    if (prepared.status === 'open') {
      await deps.tallies.create(emptyTally(prepared.id, prepared.targets.map((t) => t.id), { invitees: prepared.delivery === 'private' }));
      await schedulePollJobs(deps, prepared);
    }
    return await deps.polls.create(poll);
  } catch (err) {
    const stored = await deps.polls.get(poll.id).catch(() => poll);
    if (!stored) for (const team of teams) await deps.locks.release(poll.tenantId, team.teamId, poll.id).catch(() => undefined);
    throw err;
  }
}

/** Delivery (a safety net: the command also delivers at once), each reminder, and the closing. */
async function schedulePollJobs(deps: PulsePollDeps, poll: Poll): Promise<void> {
  const now = deps.clock.now();
  await deps.scheduler.schedule({ id: `${PULSE_JOBS.deliver}:${poll.id}`, kind: PULSE_JOBS.deliver, dueAt: new Date(now.getTime() + 2 * 60_000).toISOString(), payload: { pollId: poll.id } });
  for (const [index, dueAt] of poll.reminders.entries()) {
    await deps.scheduler.schedule({ id: `${PULSE_JOBS.reminder}:${poll.id}:${index}`, kind: PULSE_JOBS.reminder, dueAt, payload: { pollId: poll.id, index } });
  }
  await deps.scheduler.schedule({ id: `${PULSE_JOBS.close}:${poll.id}`, kind: PULSE_JOBS.close, dueAt: poll.closesAt, payload: { pollId: poll.id } });
}

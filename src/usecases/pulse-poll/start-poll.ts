import { randomUUID } from 'node:crypto';
import { StartRequest } from '../../domain/pulse-poll/poll-command';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { closingInstant, isOpenAt, mayShareMembers, Poll, PollTarget, reminderInstants } from '../../domain/pulse-poll/poll';
import { emptyTally } from '../../domain/pulse-poll/tally';
import { Installation, isTeamOutOfReach } from '../../domain/pulse-poll/ports';
import { stableId } from '../../domain/shared/ids';
import { Actor } from '../week-cycle/deps';
import { requireHr } from './access';
import { PULSE_JOBS, PulsePollDeps } from './deps';
import { answersFor, Cut, cutsOf, overlapUnknown, sharedCount } from './overlap';
import { START_LEASE_HOLDS_MS, takeStartLease } from './start-lease';
import { withoutStarter } from './forget-starter';
import { openSaveWindow, SaveWindow } from '../verantwoording/save-window';

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

/**
 * The team HR named: exactly, else the one whose name holds it. `withUntilWord`: the name as typed
 * with the word before the date ("Zorg TM 2026-12-04": "Zorg", or the team "Zorg TM"). Its exact
 * match wins; where both readings name a team exactly, HR is asked (`ambiguousTeam`, both names);
 * the shortened reading never matches part of a name (it would poll another team unasked).
 */
function matchTeam(teams: Installation[], name: string, withUntilWord?: string): Installation {
  const exactly = (n: string) => teams.filter((t) => norm(t.name) === norm(n));
  const typed = withUntilWord ? exactly(withUntilWord) : [];
  const shortened = withUntilWord ? exactly(name) : [];
  if (typed.length && shortened.length) throw new DomainError('ambiguousTeam', { params: { team: withUntilWord!, teams: [...typed, ...shortened].map((t) => t.name).slice(0, 12).join(', ') } });
  // The shortened reading when it names a team exactly; else the name as typed (as before the until-words were read).
  const wanted = norm(withUntilWord && !shortened.length ? withUntilWord : name);
  const exact = teams.filter((t) => norm(t.name) === wanted);
  if (exact.length === 1) return exact[0]!;
  const partial = exact.length ? exact : teams.filter((t) => norm(t.name).includes(norm(withUntilWord ?? name)));
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
  return request.target.kind === 'all' ? installed : [matchTeam(installed, request.target.name, request.target.withUntilWord)];
}

/**
 * The channel a team gets the poll in: the named one, or General. A name the team does not have
 * is refused with the team's other channels; the language files name General before them, as
 * the reader's Teams does ("Algemeen"), so no word of the UI is made here (found in review, stop
 * 58). A team with no other channel: `context: 'alone'` (i18next's, picks `unknownChannel_alone`).
 */
async function channelFor(deps: PulsePollDeps, team: Installation, channelName: string | undefined, single: boolean): Promise<{ id: string; name?: string } | undefined> {
  if (!channelName || GENERAL_NAMES.has(norm(channelName))) return { id: team.generalChannelId };
  const channels = await deps.roster.channels(team);
  const found = channels.find((c) => c.name && norm(c.name) === norm(channelName));
  if (found) return { id: found.id, name: found.name };
  if (single) {
    const others = channels.filter((c) => c.name).map((c) => c.name!).slice(0, 11);
    throw new DomainError('unknownChannel', { params: { channel: channelName, channels: others.join(', '), ...(others.length ? {} : { context: 'alone' }) } });
  }
  return undefined;
}

/**
 * Refuses a start whose teams share too many members with a team of another poll still open (the
 * same team is refused by its claim). Two polls at once of a department and its sub-team, say,
 * each take each person's answer once, so the shared members answer in both: the department's
 * figures minus the sub-team's are the answers of the few outside the sub-team, below the minimum.
 * A few shared people (HR, a manager of two teams) isolate nobody: see `mayShareMembers`. One poll
 * of both teams counts each person once. HR's rare action: only with other polls open, it asks
 * Teams for the new teams' members (and an undelivered open team's), and reads each open poll's
 * tally once (a point read in the poll's own partition; nothing is written).
 */
async function refuseOverlaps(deps: PulsePollDeps, tenantId: string, teams: Installation[], others: Poll[]): Promise<void> {
  if (!others.length) return;
  const fresh: Cut[] = [];
  for (const team of teams) {
    try {
      const members = await deps.roster.members({ teamId: team.teamId, serviceUrl: team.serviceUrl, tenantId });
      fresh.push({ teamName: team.name, ids: new Set(members.map((m) => m.userId)) });
    } catch (err) {
      // The app was removed from the team: its delivery will pass it over, so nobody answers for it.
      if (!isTeamOutOfReach(err)) throw overlapUnknown([...new Set(others.flatMap((p) => p.targets.map((x) => x.teamName)))].slice(0, 3).join(', '));
    }
  }
  const everyone = [...new Set(fresh.flatMap((c) => [...c.ids]))];
  const freshCuts = cutsOf(fresh);
  for (const poll of others) {
    const tally = await deps.tallies.get(poll.id);
    // Per open team, those of the new teams' members who can answer for it (hashed for it, if listed).
    const open: Cut[] = [];
    for (const target of poll.targets) {
      const answers = await answersFor(deps, tenantId, poll, tally, target);
      if (answers) open.push({ teamName: target.teamName, ids: new Set(everyone.filter(answers)) });
    }
    for (const theirs of cutsOf(open)) {
      const ours = freshCuts.find((cut) => !mayShareMembers(sharedCount(cut.ids, theirs.ids), deps.minRespondents));
      if (ours) throw new DomainError('overlapsOpen', { detail: 'teams share members with a team of an open poll', params: { team: ours.teamName, open: theirs.teamName } });
    }
  }
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
 * HR starts a poll for one team or all teams the app is installed in. Under the tenant's start
 * lease (one start at a time, so the overlap check sees every poll started before), the teams are
 * claimed, an empty tally is stored and the delivery, reminders and closing are scheduled as
 * durable jobs, and only then the poll with its targets (see storeClaimedPoll). The poll names
 * its starter until their erasure: refused while that is unfinished, and kept to a save window
 * from before the lease (see createNamingStarter).
 */
export async function startPoll(deps: PulsePollDeps, ctx: StartContext, request: StartRequest): Promise<StartOutcome> {
  await requireHr(deps, ctx.actor.id);
  if (ctx.here.team) await deps.installations.record({ ...ctx.here.team, installed: true });
  const closesAt = closingInstant(request.closesOn, deps.clock.now(), deps.timeZone);
  const teams = await targetTeams(deps, ctx, request);
  // One point read, on HR's rare command. Before the lease: a start held up there while their
  // erasure ran from start to end would otherwise find no ticket any more, and store a poll naming them.
  const window = await openSaveWindow(deps.starters, ctx.actor.id);

  // A random holder per attempt: a redelivered command waits for its first delivery, then finds its poll.
  const leaseHolder = randomUUID();
  await takeStartLease(deps, ctx.tenantId, leaseHolder);
  try {
    return await startUnderLease(deps, ctx, request, teams, closesAt, leaseHolder, window);
  } finally {
    // Failing to let go only makes the next start wait for the expiry.
    await deps.startLease.release(ctx.tenantId, leaseHolder).catch(() => undefined);
  }
}

async function startUnderLease(deps: PulsePollDeps, ctx: StartContext, request: StartRequest, teams: Installation[], closesAt: Date, leaseHolder: string, window: SaveWindow): Promise<StartOutcome> {
  const now = deps.clock.now();
  const pollId = stableId('poll', ctx.tenantId, ctx.commandId);
  const tenantPolls = await deps.polls.listForTenant(ctx.tenantId);
  // A redelivered command finds the poll its first delivery stored.
  const existing = tenantPolls.find((p) => p.id === pollId);
  const open = tenantPolls.filter((p) => p.status === 'open' && new Date(p.closesAt) > now);
  // Polls started before team claims existed hold no claim: they are checked here.
  const busy = teams.find((t) => open.some((p) => p.id !== pollId && p.targets.some((x) => x.teamId === t.teamId)));
  if (busy) throw new DomainError('alreadyOpen', { params: { team: busy.name } });
  // Teams sharing members with another open poll's team (a redelivered command's poll passed this before).
  if (!existing) await refuseOverlaps(deps, ctx.tenantId, teams, open.filter((p) => p.id !== pollId));

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
  // Held on for the claims and the store; taken over meanwhile (this start outlasted its lease), the
  // open polls read above may miss the other start's: nothing is stored, HR tries again.
  const heldOn = new Date(deps.clock.now().getTime() + START_LEASE_HOLDS_MS);
  if (!(await deps.startLease.renew(ctx.tenantId, leaseHolder, heldOn))) throw new DomainError('startBusy', 'the start lease was taken over during the start');
  await claimTeams(deps, ctx.tenantId, pollId, teams);
  // A redelivery finds its poll stored: it writes nothing new of theirs, nor takes anything back.
  const { poll: stored, created } = await storeClaimedPoll(deps, poll, teams, existing, existing ? undefined : window);
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
async function storeClaimedPoll(deps: PulsePollDeps, poll: Poll, teams: Installation[], existing: Poll | undefined, window: SaveWindow | undefined): Promise<{ poll: Poll; created: boolean }> {
  try {
    // A redelivered command's poll keeps its own reminders; a closed one gets no jobs again.
    const prepared = existing ?? poll;
    if (prepared.status === 'open') {
      await deps.tallies.create(emptyTally(prepared.id, prepared.targets.map((t) => t.id), { invitees: prepared.delivery === 'private' }));
      await schedulePollJobs(deps, prepared);
    }
    // A redelivered start finds its poll stored: nothing of theirs is written again, nor taken back.
    return window ? await createNamingStarter(deps, poll, window) : await deps.polls.create(poll);
  } catch (err) {
    const stored = await deps.polls.get(poll.id).catch(() => poll);
    if (!stored) for (const team of teams) await deps.locks.release(poll.tenantId, team.teamId, poll.id).catch(() => undefined);
    throw err;
  }
}

/**
 * The poll's create, the one write that names its starter (their ids, and the 1:1 chat the results
 * go to), kept to the start's save window: when it closed before, the poll is stored without its
 * starter (below). Answered within it, it landed before their erasure's last look
 * at the polls, a window after its ticket (my-data.ts), which forgets them there. Answered later,
 * it may have landed after that look: the poll forgets its starter itself (retried in the
 * background if the store refuses that too) and still starts, as a poll whose starter was erased
 * does. Not refused: its teams are claimed and its jobs deliver it, so "nothing started" would be
 * untrue. A slow store without any erasure costs HR only the results card in their 1:1 chat.
 */
async function createNamingStarter(deps: PulsePollDeps, poll: Poll, window: SaveWindow): Promise<{ poll: Poll; created: boolean }> {
  // Closed before the create (Teams' channel and member lists, a wait behind other starts, or a
  // store held up while their erasure came and went): the poll starts without naming them. Refusing
  // left HR no way to start a poll whose lookups outlast the window (found in own review, stop 67).
  if (window.closed()) return deps.polls.create(withoutStarter(poll));
  let answered: { poll: Poll; created: boolean } | undefined;
  try {
    return await window.keepWith(
      async () => (answered = await deps.polls.create(poll)),
      async () => void (await deps.polls.update(poll.pollId, withoutStarter)),
    );
  } catch (err) {
    const lateAnswer = answered && isDomainError(err) && (err.code === 'saveTooSlow' || err.code === 'erasureUnderway');
    if (!lateAnswer) throw err;
    return { poll: withoutStarter(answered!.poll), created: answered!.created };
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

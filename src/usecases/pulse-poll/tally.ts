import { hasLegacy, tallyFromLegacy } from '../../domain/pulse-poll/legacy';
import { closePoll, localDate, Poll } from '../../domain/pulse-poll/poll';
import { emptyTally, PollTally, sealTally } from '../../domain/pulse-poll/tally';
import { PulsePollDeps } from './deps';

/** The day a closed poll's tally is sealed with: the poll's own closing day. */
function closedOn(deps: PulsePollDeps, poll: Poll): string {
  return poll.closedOn ?? closePoll(poll, deps.clock.now(), deps.timeZone).closedOn ?? localDate(deps.clock.now(), deps.timeZone);
}

/**
 * Folds a poll stored before tallies into one, then deletes its old documents. The tally is
 * created with everything the old documents held, in one write, and marked `migrating` until
 * they are gone; so a migration cut short is finished by the next one, and counts nothing twice.
 */
async function migrate(deps: PulsePollDeps, poll: Poll): Promise<PollTally> {
  const legacy = await deps.legacy.read(poll.id);
  const closed = poll.status === 'closed' ? { on: closedOn(deps, poll), minRespondents: deps.minRespondents } : undefined;
  const tally = hasLegacy(legacy)
    ? tallyFromLegacy(poll.id, poll.targets.map((t) => t.id), legacy, closed)
    : emptyTally(poll.id, poll.targets.map((t) => t.id));
  return deps.tallies.create(tally);
}

async function finishMigration(deps: PulsePollDeps, pollId: string): Promise<PollTally> {
  await deps.legacy.remove(pollId, await deps.legacy.read(pollId));
  return deps.tallies.update(pollId, (t) => {
    if (!t.migrating) return t;
    const { migrating: _done, ...rest } = t;
    return rest;
  });
}

/**
 * A poll's tally, ready to use: created for a poll stored before tallies (or whose tally was
 * never written), with any leftover old documents removed, and sealed once the poll is closed.
 */
export async function tallyOf(deps: PulsePollDeps, poll: Poll): Promise<PollTally> {
  let tally = (await deps.tallies.get(poll.id)) ?? (await migrate(deps, poll));
  if (tally.migrating) tally = await finishMigration(deps, poll.id);
  if (poll.status === 'closed' && !tally.sealed) tally = await deps.tallies.update(poll.id, (t) => sealTally(t, closedOn(deps, poll), deps.minRespondents));
  return tally;
}

/** Seals the answers at closing: nothing is folded in afterwards, the minimum is fixed, markers go. */
export async function sealAnswers(deps: PulsePollDeps, poll: Poll): Promise<PollTally> {
  await tallyOf(deps, poll);
  return deps.tallies.update(poll.id, (t) => sealTally(t, closedOn(deps, poll), deps.minRespondents));
}

/** Every poll that still has documents of the old shape is migrated (at start-up; each poll once). */
export async function migrateLegacyPolls(deps: PulsePollDeps): Promise<number> {
  let migrated = 0;
  for (const pollId of await deps.legacy.pollsWithLegacy()) {
    const poll = await deps.polls.get(pollId);
    if (!poll) continue;
    await tallyOf(deps, poll);
    migrated++;
  }
  return migrated;
}

import { Poll } from '../../src/domain/pulse-poll/poll';
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { CosmosPollRepository } from '../../src/store/pulse-poll.repositories';
import { TestApp } from '../support/test-app';

/** A closed one-team B3-spiegel poll in tenant-1, as the poll feature stores it. */
export function closedPoll(id: string, teamId: string, teamName: string, closedOn: string): Poll {
  return {
    id,
    pollId: id,
    type: 'poll',
    tenantId: 'tenant-1',
    scope: { kind: 'team', teamId },
    language: 'nl',
    delivery: 'channel',
    privateNudges: false,
    status: 'closed',
    opensAt: `${closedOn}T08:00:00.000Z`,
    closesOn: closedOn,
    closesAt: `${closedOn}T23:00:00.000Z`,
    reminders: [],
    targets: [{ id: `${id}-t`, teamId, teamName, channelId: `19:${teamId}`, serviceUrl: 'http://127.0.0.1:1/', delivered: true, memberCount: 8 }],
    hrChannel: { conversationId: '19:hr', serviceUrl: 'http://127.0.0.1:1/' },
    closedOn,
  };
}

/**
 * Stores the poll with one anonymous answer per value (every statement scored the same), in the
 * shape polls had before tallies: one document per answer. The app folds them in when it first
 * reads the poll, so these tests also show that polls stored the old way keep working.
 */
export async function seedPoll(t: TestApp, poll: Poll, answers: number[]) {
  await new CosmosPollRepository(t.cosmos).create(poll);
  for (const [i, value] of answers.entries()) {
    await t.cosmos.container('pollAnswers').items.create({
      id: `${poll.id}-a${i}`,
      pollId: poll.id,
      type: 'answer',
      targetId: poll.targets[0]!.id,
      onDate: poll.closesOn,
      scores: Object.fromEntries(ITEM_IDS.map((k) => [k, value])),
    });
  }
}

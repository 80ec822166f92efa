import { Poll } from '../../domain/pulse-poll/poll';
import { PollRepository } from '../../domain/pulse-poll/ports';

const REMEMBER_MS = 60_000;
const MAX_POLLS = 1_000;

/**
 * What an answer needs of its poll does not change once the poll is out: its teams, where it is
 * answered, its language and closing time. Closing early is enforced by the tally's seal, which
 * every answer reads and writes anyway (the tally is sealed before the poll says closed). So an
 * answer may use a poll read in the last minute, and a poll answer costs the tally's read and
 * write: two requests. One instance per app (composition root), never module state.
 */
export class RememberedPolls implements Pick<PollRepository, 'get'> {
  private readonly seen = new Map<string, { poll: Poll; until: number }>();

  constructor(
    private readonly polls: Pick<PollRepository, 'get'>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get(pollId: string): Promise<Poll | undefined> {
    const hit = this.seen.get(pollId);
    if (hit && hit.until > this.now()) return hit.poll;
    const poll = await this.polls.get(pollId);
    if (poll) {
      if (this.seen.size >= MAX_POLLS) this.seen.clear();
      this.seen.set(pollId, { poll, until: this.now() + REMEMBER_MS });
    }
    return poll;
  }
}

import { TeamsInfo, TurnContext } from 'botbuilder';
import { Member } from '../../../domain/week-cycle/group';
import type { Logger } from '../../../log/logger';
import { actorOf } from '../../turn';

const MAX_ROSTER = 200;

/** The chat's members, for picking the group. Falls back to the person acting when Teams can't list them. */
export async function readRoster(context: TurnContext, logger: Logger): Promise<Member[]> {
  const actor = actorOf(context);
  const self: Member = { id: actor.id, name: actor.name, teamsId: actor.teamsId };
  try {
    const members: Member[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 100, token);
      for (const m of page.members) members.push({ id: m.aadObjectId || m.id, name: m.name || m.givenName || m.id, teamsId: m.id });
      token = page.continuationToken;
    } while (token && members.length < MAX_ROSTER);
    return members.some((m) => m.id === self.id) ? members : [self, ...members];
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'could not read the conversation roster; offering only the current user');
    return [self];
  }
}

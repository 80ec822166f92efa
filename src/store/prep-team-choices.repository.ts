import { applyPrepTeamPress, PrepTeamChoiceRepository, PrepTeamChoices, prepTeamChoicesId, PrepTeamPress, PrepTeamPressResult } from '../domain/talent-review/prep-teams';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

/** Rounds of read-and-decide before a press gives up on a document others keep changing. */
const MAX_ROUNDS = 5;

/**
 * Each professional's choices of which teams' B3-spiegel their manager's prep card shows: one
 * document by a fixed id in their own `personal` partition. Reads are point reads; a change is a
 * create (its id taken: read again) or a replace under the ETag of the version read.
 */
export class CosmosPrepTeamChoiceRepository implements PrepTeamChoiceRepository {
  private readonly store: DocumentStore<PrepTeamChoices>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<PrepTeamChoices>(conn.container('personal'), (d) => d.userId);
  }

  async get(userId: string): Promise<PrepTeamChoices | undefined> {
    const doc = await this.store.get(prepTeamChoicesId(userId), userId);
    return doc?.type === 'prepTeamChoices' && doc.userId === userId ? doc : undefined;
  }

  async apply(userId: string, press: PrepTeamPress, now: Date): Promise<{ outcome: PrepTeamPressResult['outcome']; stored?: PrepTeamChoices }> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const current = await this.store.getVersioned(prepTeamChoicesId(userId), userId);
      const mine = current && current.doc.type === 'prepTeamChoices' && current.doc.userId === userId ? current : undefined;
      const decided = applyPrepTeamPress(mine?.doc, userId, press, now);
      if (decided.outcome !== 'saved') return { outcome: decided.outcome, ...(mine ? { stored: mine.doc } : {}) };
      if (!mine) {
        const { doc, created } = await this.store.create(decided.next);
        // Created by another press meanwhile (or by this one, whose answer was lost): decide again on what is stored.
        if (created || sameChoices(doc, decided.next)) return { outcome: 'saved', stored: doc };
        continue;
      }
      let lost = false;
      const stored = await this.store.update(
        mine.doc.id,
        userId,
        (doc) => {
          // Changed since the read: this press's own write whose answer was lost, or another's (decide again from the top).
          if (doc.rev !== mine.doc.rev) {
            lost = !sameChoices(doc, decided.next);
            return doc;
          }
          return decided.next;
        },
        mine,
      );
      if (!lost) return { outcome: 'saved', stored };
    }
    throw new Error('prep team choices kept changing');
  }
}

function sameChoices(a: PrepTeamChoices, b: PrepTeamChoices): boolean {
  return a.rev === b.rev && JSON.stringify(a.teams) === JSON.stringify(b.teams);
}

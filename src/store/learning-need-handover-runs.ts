import { HANDOVER_RUN_KEEP_SECONDS, HandoverRunRecord, HandoverRuns } from '../domain/learning-needs/weekly-to-lo';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';


const runId = (week: string) => `lnr_${week}`;

/**
 * The record of a week's handover while it has not completed, in the `learningNeeds` container
 * (which holds nothing that names a person): the week, nothing else. Read only by the scheduled
 * handover (one query across the container a week), never in a member's turn.
 */
export class CosmosHandoverRuns implements HandoverRuns {
  private readonly runs: DocumentStore<HandoverRunRecord>;

  constructor(conn: CosmosConnection) {
    this.runs = new DocumentStore<HandoverRunRecord>(conn.container('learningNeeds'), (r) => r.id);
  }

  async begin(week: string): Promise<void> {
    await this.runs.create({ id: runId(week), type: 'learningNeedHandoverRun', week, ttl: HANDOVER_RUN_KEEP_SECONDS });
  }

  async handedOver(week: string): Promise<void> {
    // Written again whole: the record holds nothing else, and a run's retry writes the same.
    await this.runs.upsert({ id: runId(week), type: 'learningNeedHandoverRun', week, handedOver: true, ttl: HANDOVER_RUN_KEEP_SECONDS });
  }

  async completed(week: string): Promise<void> {
    await this.runs.delete(runId(week), runId(week));
  }

  async unfinishedBefore(week: string): Promise<{ week: string; handedOver: boolean }[]> {
    const found = await this.runs.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun' AND c.week < @week", parameters: [{ name: '@week', value: week }] });
    return found.map((r) => ({ week: r.week, handedOver: r.handedOver === true })).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  }
}

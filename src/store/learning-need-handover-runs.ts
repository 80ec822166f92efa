import { HandoverRunRecord, HandoverRuns } from '../domain/learning-needs/weekly-to-lo';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

/** Long enough for the next weeks' handovers to find it; short, as it says nothing anyone needs later. */
const RUN_RECORD_TTL_SECONDS = 90 * 24 * 3600;

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
    await this.runs.create({ id: runId(week), type: 'learningNeedHandoverRun', week, ttl: RUN_RECORD_TTL_SECONDS });
  }

  async completed(week: string): Promise<void> {
    await this.runs.delete(runId(week), runId(week));
  }

  async unfinishedBefore(week: string): Promise<string[]> {
    const found = await this.runs.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedHandoverRun' AND c.week < @week", parameters: [{ name: '@week', value: week }] });
    return found.map((r) => r.week).sort();
  }
}

import { requestsPerTurn } from './live-session/request-counts';
import { BenchScenario, table } from './scenario';

const STATE_CHANGING = new Set(['answer save', 'energy check-in', 'next question', 'poll answer', 'judgement (short of a decision)', 'judgement (opens the decision)']);
const READ_ONLY = new Set(['own view (refresh)', 'status', 'verantwoording (chat)', 'tab load', 'message-extension search']);

/**
 * Cosmos DB requests per turn type, counted on the wire by a proxy in front of the store (counts
 * are stable; times are not). Checks: a click that changes state costs at most two requests and
 * one write, read-only turns write nothing, no user turn fans out over every partition.
 */
export const requestsPerTurnScenario: BenchScenario = {
  name: 'requests-per-turn',
  async run() {
    const rows = await requestsPerTurn();
    const broken = rows.filter((r) => r.crossPartition > 0 || (STATE_CHANGING.has(r.turn) && (r.reads + r.queries + r.writes > 2 || r.writes > 1)) || (READ_ONLY.has(r.turn) && r.writes > 0));
    return {
      title: 'Cosmos DB requests per turn',
      table: table(
        ['turn', 'point reads', 'queries', 'writes', 'reads + queries + writes', 'query plans', 'cross-partition'],
        rows.map((r) => [r.turn, String(r.reads), String(r.queries), String(r.writes), String(r.reads + r.queries + r.writes), String(r.queryPlans), r.crossPartition ? `${r.crossPartition} (!)` : '0']),
      ),
      notes: ['A query plan is asked for only when the gateway says a query needs one (src/store/query-plan-on-demand.ts); plans are counted apart.', ...broken.map((r) => `Over the goal: ${r.turn}.`)],
      ok: broken.length === 0,
    };
  },
};

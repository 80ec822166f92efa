/**
 * Containers and partition keys, chosen for the access patterns (see README "Storage").
 * groups: one document per group, read by id on every turn.
 * sessions: cycles and sessions of a group, read and written together within one partition.
 * proposals: a group's proposals, listed per group (message-extension search, reports).
 * personal: everything that belongs to one professional, so export and erasure stay in one partition.
 * jobs: the durable scheduler's jobs, claimed by id with ETags.
 * polls: a B3-spiegel poll, and one claim document per team (at most one open poll per team).
 * pollAnswers: one tally per poll: who answered (keyed hashes, until closing) folded together with
 *   the counts, histograms and comments per team, so no write or position separates the two.
 * outbox: every proactive message as a job with an idempotency key.
 * reviews: planned talentontwikkelgesprekken, per manager.
 * installations: the teams the app is installed in, per tenant ("alle teams" of a poll); the
 *   tenant's Jaarplan Duurzaam leren targets, one document per year.
 * learningNeeds: learning needs members passed on to L&O, as anonymous weekly batches.
 */
export const CONTAINERS = {
  groups: { id: 'groups', partitionKey: '/id' },
  sessions: { id: 'sessions', partitionKey: '/groupId' },
  proposals: { id: 'proposals', partitionKey: '/groupId' },
  personal: { id: 'personal', partitionKey: '/userId' },
  jobs: { id: 'jobs', partitionKey: '/id' },
  polls: { id: 'polls', partitionKey: '/pollId' },
  pollAnswers: { id: 'pollAnswers', partitionKey: '/pollId' },
  outbox: { id: 'outbox', partitionKey: '/id' },
  reviews: { id: 'reviews', partitionKey: '/managerId' },
  installations: { id: 'installations', partitionKey: '/tenantId' },
  learningNeeds: { id: 'learningNeeds', partitionKey: '/id' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

/**
 * Containers and partition keys, chosen for the access patterns (see README "Storage").
 * groups: one document per group, read by id on every turn.
 * sessions: cycles and sessions of a group, read and written together within one partition.
 * proposals: a group's proposals, listed per group (message-extension search, reports).
 * personal: everything that belongs to one professional, so export and erasure stay in one partition.
 * jobs: the durable scheduler's jobs, claimed by id with ETags.
 */
export const CONTAINERS = {
  groups: { id: 'groups', partitionKey: '/id' },
  sessions: { id: 'sessions', partitionKey: '/groupId' },
  proposals: { id: 'proposals', partitionKey: '/groupId' },
  personal: { id: 'personal', partitionKey: '/userId' },
  jobs: { id: 'jobs', partitionKey: '/id' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

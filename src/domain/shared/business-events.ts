/**
 * Business events for product telemetry. Their fields are numbers and enums by type, so no
 * name, text or user id can reach telemetry through them.
 */
export type BusinessEvent =
  | { name: 'sessionHeld'; day: number; attendees: number; questionsAnswered: number; closedBy: 'member' | 'timebox' }
  /** A session closed with nobody present (the rhythm opened it, the time box closed it). */
  | { name: 'sessionUnattended'; day: number; closedBy: 'member' | 'timebox' }
  | { name: 'proposalValidated'; verdict: 'accept' | 'adapt' | 'reject'; aiDrafted: boolean; judgements: number }
  | { name: 'pollDelivered'; channel: 'channel' | 'private'; messages: number };

/** Port: records business events; a no-op when telemetry is off. */
export interface BusinessEvents {
  record(event: BusinessEvent): void;
}

export const noBusinessEvents: BusinessEvents = { record: () => undefined };

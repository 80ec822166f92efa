/**
 * Business events for product telemetry. Their fields are numbers and enums by type, so no
 * name, text or user id can reach telemetry through them.
 */
export type BusinessEvent =
  | { name: 'sessionHeld'; day: number; attendees: number; questionsAnswered: number; closedBy: 'member' | 'timebox' }
  /** A session closed with nobody present (the rhythm opened it, the time box closed it). */
  | { name: 'sessionUnattended'; day: number; closedBy: 'member' | 'timebox' }
  | { name: 'proposalValidated'; verdict: 'accept' | 'adapt' | 'reject'; aiDrafted: boolean; judgements: number }
  | { name: 'pollDelivered'; channel: 'channel' | 'private'; messages: number }
  /**
   * A message the outbox stopped trying to deliver although the conversation was there: what an
   * alert watches (infra/modules/monitoring.bicep). Teams' status (0 when none came) and why.
   */
  | { name: 'messageNotDelivered'; reason: NotDeliveredReason; status: number };

/**
 * `outOfTime`: transient failures outlasted the message's time budget; `attempts`: the safety limit;
 * `failed`: Teams refused it for good; `unconfirmed`: the send may or may not have arrived (never
 * resent, so it is not sent twice); `senderStopped`: the instance sending it stopped mid-send.
 */
export type NotDeliveredReason = 'outOfTime' | 'attempts' | 'failed' | 'unconfirmed' | 'senderStopped';

/** Port: records business events; a no-op when telemetry is off. */
export interface BusinessEvents {
  record(event: BusinessEvent): void;
}

export const noBusinessEvents: BusinessEvents = { record: () => undefined };

import { OutboundMessage, OutboxPort } from '../../../domain/outbox/outbox.port';
import { Poll, PollTarget } from '../../../domain/pulse-poll/poll';
import { PollNotifier, ReminderFigures, TeamMember } from '../../../domain/pulse-poll/ports';
import { ERASED_ID } from '../../../domain/week-cycle/session-items';
import { TeamResult } from '../../../domain/pulse-poll/results';
import { Translator } from '../../../i18n/i18n';
import { Instruments } from '../../../pulse-poll/load-instruments';
import { pollBatch } from '../../../usecases/pulse-poll/deps';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { cardActivity } from '../../cards/card-summary';
import { pollAnnouncementCard } from '../../cards/pulse/pulse-announcement.card';
import { pollClosedCard } from '../../cards/pulse/pulse-closed.card';
import { pollFormCard, PollFormView } from '../../cards/pulse/pulse-form.card';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { pollNudgeCard } from '../../cards/pulse/pulse-nudge.card';
import { pollReminderCard } from '../../cards/pulse/pulse-reminder.card';
import { pollRestrictedCard } from '../../cards/pulse/pulse-restricted.card';
import { teamResultsCard } from '../../cards/pulse/pulse-team-results.card';
import { AUTO_REFRESH_USERS } from '../../../usecases/pulse-poll/deliver-poll';
import { listedIdsOf, OutboxJob } from '../../../outbox/outbox-job';

/** Reads of former keys at a time: enough to be quick, few enough not to flood Cosmos DB (as the outbox's creates). */
const FORMER_KEY_READS_AT_ONCE = 20;

export const POLL_HOOKS = {
  /** Remember the channel message of a poll (its thread takes the reminders). */
  cardPosted: 'pulse.cardPosted',
  /** Skip a nudge to someone who answered since it was queued. */
  notAnswered: 'pulse.notAnswered',
  /** Skip a form, an announcement or a reminder whose poll closed since it was queued. */
  stillOpen: 'pulse.stillOpen',
} as const;

/**
 * A poll card as a message, with its summary taken from the card: a form says the poll's title, a
 * reminder its counts; never who answered, which no poll card shows.
 */
function cardPayload(card: AdaptiveCardJson): Record<string, unknown> {
  return cardActivity(card);
}

/**
 * A channel poll card queued before its members were `listed` (its `about` held their app ids, in
 * the order of the Teams ids in its refresh list): the same card, with each app id paired with
 * its Teams id, so an erasure takes one member off it instead of deleting it for the team. A job
 * whose lists do not pair up (or the announcement, which lists nobody) stays as it is.
 */
export function pollCardListing(job: OutboxJob): OutboxJob | undefined {
  const attachments = (job.payload as { attachments?: { content?: { refresh?: { userIds?: unknown } } }[] }).attachments;
  const platformIds = attachments?.[0]?.content?.refresh?.userIds;
  const userIds = job.about ?? [];
  if (!Array.isArray(platformIds) || platformIds.length !== userIds.length || !platformIds.every((id) => typeof id === 'string')) return undefined;
  const { about: _about, ...rest } = job;
  const listed = userIds.map((userId, i) => ({ userId, platformId: platformIds[i] as string }));
  return { ...rest, listed, listedIds: listedIdsOf(listed) };
}

/** The poll's messages as Teams cards, each into the outbox under a key that makes it happen once. */
export class TeamsPollNotifier implements PollNotifier {
  constructor(
    private readonly outbox: OutboxPort,
    private readonly translator: Translator,
    private readonly instruments: Instruments,
    /** The app's clock (tests fake it): how long a poll stays open is measured by it. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private base(poll: Poll, target: PollTarget, key: string): Pick<OutboundMessage, 'key' | 'tenantId' | 'route' | 'batch'> {
    return { key: `pulse:${poll.id}:${key}`, tenantId: poll.tenantId, route: { serviceUrl: target.serviceUrl, botId: target.botId }, batch: pollBatch(poll.id) };
  }

  /**
   * For a message that asks for answers or says how many days are left: Teams' transient failures
   * are retried until the poll closes only, as a reminder run late is not posted (see remind.ts).
   * Delivered after the closing, it would show an open form, or "1 day left" beside the results.
   */
  private untilClosing(poll: Poll): Pick<OutboundMessage, 'giveUpAfterMs'> {
    return { giveUpAfterMs: Math.max(0, new Date(poll.closesAt).getTime() - this.now().getTime()) };
  }

  /**
   * A message that asks for answers goes out only while the poll is open when it is sent: one
   * queued by a delivery or a reminder that read the poll before an early close (after the close
   * expired the budgets of what was queued) would ask for answers the poll no longer takes.
   */
  private whileOpen(poll: Poll): Pick<OutboundMessage, 'giveUpAfterMs' | 'sendIf'> {
    return { ...this.untilClosing(poll), sendIf: { kind: POLL_HOOKS.stillOpen, args: { pollId: poll.id } } };
  }

  private closes(poll: Poll): string {
    return displayDate(poll.closesOn, poll.language);
  }

  /** The poll's form; with `refused`, one person's refused answer shown to them again. */
  formCard(poll: Poll, target: PollTarget, refreshUserIds: string[], refused?: PollFormView['refused']): AdaptiveCardJson {
    return pollFormCard(
      {
        pollId: poll.id,
        targetId: target.id,
        teamName: target.teamName,
        closesLabel: this.closes(poll),
        instrument: this.instruments[poll.language],
        refreshUserIds,
        manualRefresh: poll.delivery === 'channel' && (target.memberCount ?? 0) > AUTO_REFRESH_USERS,
        refused,
      },
      this.translator.t(poll.language),
    );
  }

  async postPollCard(poll: Poll, target: PollTarget, refreshFor: TeamMember[]): Promise<void> {
    await this.outbox.enqueue([
      {
        ...this.base(poll, target, `card:${target.id}`),
        target: { kind: 'conversation', conversationId: target.channelId },
        payload: cardPayload(this.formCard(poll, target, refreshFor.map((m) => m.platformId))),
        ...this.whileOpen(poll),
        onSent: { kind: POLL_HOOKS.cardPosted, args: { pollId: poll.id, targetId: target.id } },
        // The card lists these members' Teams ids (refresh) and names nobody: erasing one of them
        // takes them off the waiting card, and the team still gets it.
        listed: refreshFor.map((m) => ({ userId: m.userId, platformId: m.platformId })),
      },
    ]);
  }

  async postAnnouncement(poll: Poll, target: PollTarget): Promise<void> {
    const card = pollAnnouncementCard({ teamName: target.teamName, closesLabel: this.closes(poll), anonymity: this.instruments[poll.language].anonymity }, this.translator.t(poll.language));
    await this.outbox.enqueue([
      {
        ...this.base(poll, target, `announce:${target.id}`),
        target: { kind: 'conversation', conversationId: target.channelId },
        payload: cardPayload(card),
        ...this.whileOpen(poll),
        onSent: { kind: POLL_HOOKS.cardPosted, args: { pollId: poll.id, targetId: target.id } },
      },
    ]);
  }

  /** A message for or about one person: keyed with the app's secret, so an ended one names nobody and an erasure leaves it as everyone's (stop 62). */
  private privately(message: OutboundMessage): OutboundMessage {
    return this.outbox.privately(message);
  }

  async sendPrivatePollCards(poll: Poll, target: PollTarget, members: TeamMember[], invitedBefore: readonly string[] = []): Promise<void> {
    // One key per person and poll: someone in two teams of the poll gets one card.
    const budget = this.whileOpen(poll);
    const notYetInvited = await this.notInvitedUnderFormerKey(poll, target, members, new Set(invitedBefore));
    await this.outbox.enqueue(
      notYetInvited.map((m) =>
        this.privately({
          ...this.base(poll, target, `invite:${m.userId}`),
          target: { kind: 'person', userId: m.platformId, appUserId: m.userId },
          payload: cardPayload(this.formCard(poll, target, [m.platformId])),
          ...budget,
        }),
      ),
    );
  }

  /**
   * The members whose invite is not in the outbox under its former, plain key. A run before the
   * update to keyed keys (stop 62) queued its invites under plain keys, which the keyed key of the
   * same invite does not hold: without this a member of two teams, the second delivered again after
   * the update, got two invites (stop 64). Asked only for those a run before may have invited (they
   * are on the tally's lists), one read each, in the delivery job, never on a member's turn; a read
   * writes nothing, and the plain key, which names the member, is not logged. Without the app's
   * secret the two keys are one, and the outbox's key says it alone.
   */
  private async notInvitedUnderFormerKey(poll: Poll, target: PollTarget, members: readonly TeamMember[], invitedBefore: ReadonlySet<string>): Promise<TeamMember[]> {
    const toAsk = members.filter((m) => invitedBefore.has(m.userId));
    const invited = new Set<string>();
    for (let i = 0; i < toAsk.length; i += FORMER_KEY_READS_AT_ONCE) {
      await Promise.all(
        toAsk.slice(i, i + FORMER_KEY_READS_AT_ONCE).map(async (m) => {
          if (await this.outbox.queuedUnderFormerKey(this.base(poll, target, `invite:${m.userId}`).key)) invited.add(m.userId);
        }),
      );
    }
    return members.filter((m) => !invited.has(m.userId));
  }

  async postReminder(poll: Poll, target: PollTarget, index: number, figures: ReminderFigures): Promise<void> {
    const thread = target.cardActivityId ? `${target.channelId};messageid=${target.cardActivityId}` : target.channelId;
    await this.outbox.enqueue([
      {
        ...this.base(poll, target, `reminder:${index}:${target.id}`),
        target: { kind: 'conversation', conversationId: thread },
        payload: cardPayload(pollReminderCard(figures, this.translator.t(poll.language))),
        ...this.whileOpen(poll),
      },
    ]);
  }

  async nudge(poll: Poll, target: PollTarget, index: number, members: TeamMember[], daysLeft: number): Promise<void> {
    const card = pollNudgeCard({ teamName: target.teamName, channelName: target.channelName, daysLeft, private: poll.delivery === 'private' }, this.translator.t(poll.language));
    // One job per member, answered or not: the guard decides at sending time, and a guarded job
    // leaves nothing behind whichever way it ends (no record, no remembered 1:1 chat), so the
    // outbox holds the same for a member who answered as for one who did not. One key per person
    // and round: someone in two teams of the poll gets one nudge. Not in the poll's batch: its
    // record goes when it is done, so HR's status card would count it only while it waits.
    const { batch: _notCounted, ...base } = this.base(poll, target, '');
    const budget = this.whileOpen(poll);
    await this.outbox.enqueue(
      members.map((m) => ({
        ...base,
        key: `pulse:${poll.id}:nudge:${index}:${m.userId}`,
        target: { kind: 'person', userId: m.platformId, appUserId: m.userId },
        payload: cardPayload(card),
        ...budget,
        guard: { kind: POLL_HOOKS.notAnswered, args: { pollId: poll.id, userId: m.userId, round: String(index) } },
      })),
    );
  }

  async announceClosed(poll: Poll): Promise<void> {
    const t = this.translator.t(poll.language);
    const closed = closedAs(poll);
    const closedCard = pollClosedCard({ title: this.instruments[poll.language].title, closed }, t);
    const updates: OutboundMessage[] = poll.targets
      .filter((target) => poll.delivery === 'channel' && target.cardActivityId)
      .map((target) => ({
        ...this.base(poll, target, `closed:${target.id}`),
        target: { kind: 'update', conversationId: target.channelId, activityId: target.cardActivityId! },
        payload: cardPayload(closedCard),
      }));
    // The starter's chat was forgotten with them (their erasure): nobody to tell there.
    const resultsTo = poll.hrChannel.conversationId === ERASED_ID ? [] : [poll.hrChannel];
    const hrLanguage = poll.hrChannel.language ?? poll.language;
    // Keyed (found in review, stop 62): under a plain key the ended card named the starter, and their erasure deleted it.
    const results: OutboundMessage[] = resultsTo.map((hrChannel) => this.privately({
      key: `pulse:${poll.id}:results`,
      tenantId: poll.tenantId,
      route: { serviceUrl: hrChannel.serviceUrl, botId: hrChannel.botId },
      batch: pollBatch(poll.id),
      target: { kind: 'conversation', conversationId: hrChannel.conversationId },
      payload: cardPayload(pollRestrictedCard({ pollId: poll.id, closedLabel: closedAs({ ...poll, language: hrLanguage }).label, refreshUserIds: poll.startedByTeamsId ? [poll.startedByTeamsId] : [] }, this.translator.t(hrLanguage))),
      // The card lists the starter's Teams id (refresh): their erasure deletes the job.
      ...(poll.startedBy ? { about: [poll.startedBy] } : {}),
    }));
    await this.outbox.enqueue([...updates, ...results]);
  }

  async tellHrOverlapRefused(poll: Poll, target: PollTarget, openTeam: string): Promise<void> {
    // The starter's chat was forgotten with them (their erasure): the status card still says it.
    if (poll.hrChannel.conversationId === ERASED_ID) return;
    const { hrChannel } = poll;
    const text = this.translator.t(hrChannel.language ?? poll.language)('pulse.overlapRefused', { team: target.teamName, open: openTeam });
    await this.outbox.enqueue([
      this.privately({
        key: `pulse:${poll.id}:overlapRefused:${target.id}`,
        tenantId: poll.tenantId,
        route: { serviceUrl: hrChannel.serviceUrl, botId: hrChannel.botId },
        target: { kind: 'conversation', conversationId: hrChannel.conversationId },
        payload: { type: 'message', text },
        // Sent to the starter's chat (possibly their 1:1 chat): their erasure deletes it while it waits.
        ...(poll.startedBy ? { about: [poll.startedBy] } : {}),
      }),
    ]);
  }

  async mirrorToTeam(poll: Poll, target: PollTarget, team: TeamResult, minRespondents: number): Promise<void> {
    const card = teamResultsCard({ instrument: this.instruments[poll.language], language: poll.language, closed: closedAs(poll), team, minRespondents }, this.translator.t(poll.language));
    await this.outbox.enqueue([
      {
        ...this.base(poll, target, `mirror:${target.id}`),
        target: { kind: 'conversation', conversationId: target.channelId },
        payload: cardPayload(card),
      },
    ]);
  }
}

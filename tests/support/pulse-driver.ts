import { randomUUID } from 'node:crypto';
import { ConversationSpec, execute, message, TestUser, user } from './activities';
import { cardText } from './group-driver';
import { TestApp } from './test-app';

/** A team as the tests set it up: its General channel has the team's id. */
export interface TestTeam {
  id: string;
  name: string;
  aadGroupId: string;
  channels: { id: string; name: string }[];
  members: TestUser[];
}

export const HR = user('Hanna');

export function team(name: string, slug: string, members: TestUser[], channels: string[] = []): TestTeam {
  const id = `19:${slug}@thread.tacv2`;
  return {
    id,
    name,
    aadGroupId: `group-${slug}`,
    channels: channels.map((c, i) => ({ id: `19:${slug}-channel-${i}@thread.tacv2`, name: c })),
    members,
  };
}

/** `count` members named after the team, for large rosters. */
export function members(slug: string, count: number): TestUser[] {
  return Array.from({ length: count }, (_, i) => user(`${slug}${i}`));
}

/** Scores for the nine statements, all the same value, as card inputs. */
export function scores(value: number, overrides: Record<string, number> = {}): Record<string, string> {
  const ids = ['werkzaamheden', 'werkbeleving', 'waardering', 'beloning', 'samenwerking', 'ontwikkelkansen', 'boeien', 'binden', 'behouden'];
  return Object.fromEntries(ids.map((id) => [`item_${id}`, String(overrides[id] ?? value)]));
}

/** Drives B3-spiegel polls through the app over HTTP, as HR and team members would from Teams. */
export class PulseDriver {
  constructor(readonly t: TestApp) {}

  /** Tells the recording connector about the team (roster, channels, details). */
  register(x: TestTeam): void {
    this.t.connector.teamRosters.set(x.id, x.members);
    this.t.connector.teamChannels.set(x.id, [{ id: x.id }, ...x.channels]);
    this.t.connector.teamDetails.set(x.id, { name: x.name, aadGroupId: x.aadGroupId });
  }

  channel(x: TestTeam, channelId = x.id): ConversationSpec {
    return { ...this.t.conversation('channel', channelId) };
  }

  /** An activity in a team channel, with the team in channelData as Teams sends it. */
  inTeam<A extends Record<string, unknown>>(activity: A, x: TestTeam, channelId = x.id, withName = false): A {
    const data = (activity.channelData ?? {}) as Record<string, unknown>;
    return {
      ...activity,
      channelData: { ...data, team: { id: x.id, ...(withName ? { name: x.name, aadGroupId: x.aadGroupId } : {}) }, channel: { id: channelId } },
    };
  }

  /** The app is added to a team: Teams sends a conversationUpdate in its General channel. */
  async install(x: TestTeam) {
    this.register(x);
    return this.botInTeam(x, 'added');
  }

  /** The app is removed from a team: Teams sends a conversationUpdate with the bot among membersRemoved. */
  async remove(x: TestTeam) {
    return this.botInTeam(x, 'removed');
  }

  private botInTeam(x: TestTeam, change: 'added' | 'removed') {
    const conv = this.channel(x);
    const bot = [{ id: '28:lerend-werken-bot' }];
    return this.t.send({
      id: randomUUID(),
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: conv.serviceUrl,
      from: { id: HR.id, aadObjectId: HR.aadObjectId, name: HR.name },
      recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: x.id, conversationType: 'channel', tenantId: conv.tenantId, isGroup: true },
      ...(change === 'added' ? { membersAdded: bot } : { membersRemoved: bot }),
      channelData: { tenant: { id: conv.tenantId }, eventType: change === 'added' ? 'teamMemberAdded' : 'teamMemberRemoved', team: { id: x.id, name: x.name, aadGroupId: x.aadGroupId } },
    });
  }

  /** Installs the app in the team, HR starts a poll there with `command`, and it is delivered. */
  async startPoll(x: TestTeam, command: string) {
    await this.install(x);
    await this.say(HR, x, command);
    await this.settle();
  }

  /** A member's answer on the poll card in the team's General channel, every statement scored `score`. */
  answerOnCard(x: TestTeam, who: TestUser, score = 4) {
    const poll = this.pollCard(x.id);
    return this.press(who, this.channel(x), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(score) }, poll.id, x);
  }

  /** A text command in a team channel, the bot @mentioned. */
  async say(who: TestUser, x: TestTeam, text: string, channelId = x.id) {
    return this.t.send(this.inTeam(message(this.channel(x, channelId), who, text), x, channelId));
  }

  /** Everything the bot said since the `from`-th connector call: texts and the text on cards. */
  saidSince(from: number): string {
    return this.t.connector.calls
      .slice(from)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .join('\n');
  }

  /** Lets delivery run: background work, then the outbox until it is empty. */
  async settle() {
    await this.t.app.background.idle();
    await this.t.app.outbox.drain(30_000);
  }

  /** The poll card posted in a channel (the latest), with its message id. */
  pollCard(channelId: string) {
    const posted = this.t.connector.cards((c) => c.method === 'POST' && c.conversationId === channelId).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    const last = posted.at(-1);
    if (!last) throw new Error(`no poll card in ${channelId}`);
    return { id: last.call.id, card: last.card, pollId: last.card.refresh.action.data.pollId as string, targetId: last.card.refresh.action.data.targetId as string };
  }

  /** Presses a card button (Action.Execute) in a conversation; returns what Teams shows the presser. */
  async press(who: TestUser, conv: ConversationSpec, verb: string, data: Record<string, unknown>, replyToId?: string, x?: TestTeam) {
    let activity = execute(conv, who, verb, data, replyToId);
    if (x) activity = this.inTeam(activity, x, conv.id);
    const res = await this.t.send(activity);
    if (res.status !== 200) throw new Error(`invoke ${verb} answered ${res.status}`);
    return res.body as { statusCode: number; type: string; value: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  }

  /**
   * What `who` sees after typing a poll command in a team channel: the bot's reply, or, where the
   * reply is a card Teams refreshes for them, their own view of it (as their Teams client would
   * show it without a click). Undefined when the bot answered with text only.
   */
  async read(who: TestUser, x: TestTeam, command: string, channelId = x.id): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
    const before = this.t.connector.calls.length;
    await this.say(who, x, command, channelId);
    const reply = this.t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.length).at(-1);
    const card = reply?.activity.attachments[0].content;
    if (!card) return undefined;
    const refresh = card.refresh as { action?: { verb?: string; data?: Record<string, unknown> }; userIds?: string[] } | undefined;
    if (refresh?.action?.verb && refresh.userIds?.includes(who.id)) {
      return (await this.press(who, this.channel(x, channelId), refresh.action.verb, refresh.action.data ?? {}, reply!.id, x)).value;
    }
    return card;
  }

  /** Every document in every container: for the anonymity checks. */
  async everything(): Promise<{ container: string; doc: Record<string, unknown> }[]> {
    const out: { container: string; doc: Record<string, unknown> }[] = [];
    for (const name of ['groups', 'sessions', 'proposals', 'personal', 'jobs', 'polls', 'pollAnswers', 'outbox', 'installations'] as const) {
      const { resources } = await this.t.cosmos.container(name).items.readAll().fetchAll();
      for (const doc of resources) out.push({ container: name, doc: doc as Record<string, unknown> });
    }
    return out;
  }
}

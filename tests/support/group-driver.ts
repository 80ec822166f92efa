import { ConversationSpec, execute, TestUser, user } from './activities';
import { TestApp } from './test-app';

export const MEMBERS = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn'].map(user);

/** Drives a group through the app over HTTP, as its members would from Teams. */
export class GroupDriver {
  groupId = '';
  sessionId = '';
  sessionMessageId = '';
  /** Every card the app answered an invoke with, for schema checks. */
  readonly invokeCards: unknown[] = [];
  constructor(readonly t: TestApp, readonly conv: ConversationSpec, readonly members: TestUser[]) {}

  /** Presses an Action.Execute button and returns the card (or message) Teams would show the presser. */
  async press(who: TestUser, verb: string, data: Record<string, unknown>, replyToId = this.sessionMessageId, id?: string) {
    const res = await this.t.send(execute(this.conv, who, verb, data, replyToId, id));
    if (res.status !== 200) throw new Error(`invoke ${verb} answered ${res.status}`);
    if (res.body?.type === 'application/vnd.microsoft.card.adaptive') this.invokeCards.push(res.body.value);
    return res.body as { statusCode: number; type: string; value: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  }

  async setUp(language: 'nl' | 'en' = 'nl', weeks = '20') {
    this.t.connector.roster = this.members;
    const res = await this.press(this.members[0]!, 'group.setup.save', {
      name: 'Team Zorg',
      members: this.members.map((m) => m.aadObjectId).join(','),
      days: '1,2,3,4',
      startTime: '09:00',
      timeZone: 'Europe/Amsterdam',
      language,
      weeks,
    }, 'setup-card');
    this.groupId = res.value.actions[0].data.groupId;
    return res;
  }

  async startCycle(week = 1) {
    return this.press(this.members[0]!, 'cycle.start', { groupId: this.groupId, week }, 'cycle-card');
  }

  /** Starts the next session and picks up the session card the bot posted; `cycleId` as the pressed card names it. */
  async startSession(who = this.members[0]!, cycleId?: string) {
    const before = this.t.connector.calls.length;
    // The cycle and summary cards name their cycle; the "start" command and older cards do not.
    const res = await this.press(who, 'session.start', { groupId: this.groupId, ...(cycleId ? { cycleId } : {}) }, 'cycle-card');
    const posted = this.t.connector.calls.slice(before).find((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
    if (posted) {
      this.sessionMessageId = posted.id;
      this.sessionId = posted.activity.attachments[0].content.refresh.action.data.sessionId;
    }
    return res;
  }

  ids() {
    return { groupId: this.groupId, sessionId: this.sessionId };
  }

  /**
   * A new group whose day 1 holds questions 1-7: set up, week 1 started, the session open, the
   * members checked in (with `checkIn` as their score), the given answers to questions 1, 2, ...
   * added by the members in turn (or by `author` alone), and everyone at the next question. The way to reach the proposal (6) and the judgement (7).
   */
  async answeredOnDayOne(answers: string[], opts: { author?: TestUser; checkIn?: number; weeks?: string } = {}) {
    await this.setUp('nl', opts.weeks);
    await this.startCycle();
    await this.press(this.members[0]!, 'cycle.agenda.save', { groupId: this.groupId, cycleId: `${this.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await this.startSession();
    if (opts.checkIn !== undefined) for (const m of this.members) await this.checkIn(m, opts.checkIn);
    for (const [i, text] of answers.entries()) {
      const who = opts.author ?? this.members[i % this.members.length]!;
      await this.goTo(who, i);
      await this.contribute(who, i + 1, text);
    }
    await this.goTo(this.members[0]!, answers.length);
    return this;
  }

  /**
   * A new group of at least four planning `weeks` weeks, through its first week to day 4's open
   * session (not closed): day 1 answers questions 1-6, three members agree and the fourth adopts the
   * proposal; day 2 answers question 8; days 2 and 3 are closed by the first member, a day apart.
   */
  async weekOneToDayFour(weeks: string) {
    const [a, b, c, d] = this.members as [TestUser, TestUser, TestUser, TestUser];
    await this.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4, weeks });
    for (const who of [a, b, c]) await this.press(who, 'proposal.judge', { ...this.ids(), opinion: 'agree', reason: 'Goed' });
    await this.press(d, 'proposal.decide', { ...this.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
    await this.end(a);
    for (let day = 2; day <= 4; day++) {
      this.t.clock.advanceMinutes(24 * 60);
      await this.startSession();
      if (day === 2) await this.contribute(b, 8, 'Minder stress');
      if (day < 4) await this.end(a);
    }
    return this;
  }

  contribute(who: TestUser, questionId: number, text: string, id?: string) {
    return this.press(who, 'session.contribute', { ...this.ids(), questionId, text }, this.sessionMessageId, id);
  }

  goTo(who: TestUser, index: number) {
    return this.press(who, 'session.goto', { ...this.ids(), index });
  }

  checkIn(who: TestUser, score: number, phase: 'in' | 'out' = 'in') {
    return this.press(who, 'session.energy', { ...this.ids(), phase, [phase === 'in' ? 'energyIn' : 'energyOut']: String(score) });
  }

  end(who = this.members[0]!) {
    return this.press(who, 'session.end', this.ids());
  }

  /** The shared session card as everyone sees it now. */
  sharedCard() {
    return this.t.connector.latest(this.sessionMessageId);
  }

  session() {
    return this.t.store.container('sessions').item(this.sessionId, this.groupId).read().then((r) => r.resource);
  }

  /** The documents of one kind that belong to the current session, read straight from the store. */
  async items(type: 'contribution' | 'checkIn' | 'presence'): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test
    const { resources } = await this.t.store
      .container('sessions')
      .items.query({ query: 'SELECT * FROM c WHERE c.type = @type AND c.sessionId = @sessionId', parameters: [{ name: '@type', value: type }, { name: '@sessionId', value: this.sessionId }] }, { partitionKey: this.groupId })
      .fetchAll();
    return resources;
  }
}

/** All text on a card, for assertions that don't depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'value', 'placeholder']) if (typeof o[key] === 'string') out.push(o[key] as string);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

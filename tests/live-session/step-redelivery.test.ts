import { execute } from '../support/activities';
import { CosmosFault } from '../support/cosmos-proxy';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { BusinessEvent } from '../../src/domain/shared/business-events';
import { ERROR_TITLE, isNormalCard } from './support';
import { proposalOf } from './race-app';

const AI_DRAFT = { proposal: 'AI-TEKST: start elke dienst met een overdrachtsformulier', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };
const SESSION_ENDED = 'Deze sessie is al afgerond';

/**
 * The group's steps under a live group: "Volgende"/"Vorige" (an explicit target index), the
 * decision on the proposal (question 7) and "Vraag AI" (question 6). Teams redelivers a press it
 * got no timely answer for (same activity id, or the same card action under another id, same `k`);
 * Cosmos DB may store a write and lose its answer. A press delivered again is the same press: it
 * stores nothing, also when another member moved on in between, and the member gets the current
 * view, not an error card. Each decision is stored and counted once.
 */
describe('group steps delivered again', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  let round = 0;
  const events: BusinessEvent[] = [];
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env, '2026-11-23T08:00:00Z', { proxy: true, events: { record: (e) => events.push(e) } });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });
  afterEach(() => {
    t.proxy!.faults = undefined;
  });

  const group = (members = [anna, bram, cem]) => new GroupDriver(t, t.conversation('groupChat', `19:step-redelivery-${round++}@thread.v2`), members);

  describe('"Volgende" and "Vorige"', () => {
    async function openSession() {
      const g = group();
      await g.setUp();
      await g.startCycle();
      await g.startSession();
      return g;
    }
    /** The agenda line the shared card marks as current (with ▶). */
    const sharedCurrent = (g: GroupDriver) => cardText(g.sharedCard()).split('\n').find((l) => l.startsWith('▶'));

    it('Teams redelivers an older "Volgende" (same activity id) after another member moved the group on: the pointer stays where the group is', async () => {
      const g = await openSession();
      const annas = execute(g.conv, anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-1');
      expect(isNormalCard((await t.send(annas)).body)).toBe(true);
      expect((await g.session()).currentIndex).toBe(1);
      // Bram, on his fresh card, moves the group on to question 3.
      await g.press(bram, 'session.goto', { ...g.ids(), index: 2, k: 'k-bram-card-1' });
      expect((await g.session()).currentIndex).toBe(2);

      const again = await t.send(annas);
      expect(isNormalCard(again.body)).toBe(true);
      expect((await g.session()).currentIndex).toBe(2);
      await t.app.sharedCards.idle();
      expect(sharedCurrent(g)).toContain('3.');
    });

    it('the same card action arrives again under another activity id (same k) after the group moved on: the pointer stays', async () => {
      const g = await openSession();
      await g.press(anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-a');
      await g.press(bram, 'session.goto', { ...g.ids(), index: 2, k: 'k-bram-card-1' });
      const again = await g.press(anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-b');
      expect(isNormalCard(again)).toBe(true);
      expect((await g.session()).currentIndex).toBe(2);
    });

    it('a press that found the pointer there already, redelivered after the group moved on: the pointer stays', async () => {
      const g = await openSession();
      await g.press(bram, 'session.goto', { ...g.ids(), index: 1, k: 'k-bram-card-0' });
      // Anna pressed "Volgende" on the same card a moment later: the group was there already.
      await g.press(anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-late');
      await g.press(cem, 'session.goto', { ...g.ids(), index: 2, k: 'k-cem-card-1' });
      await g.press(anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-late');
      expect((await g.session()).currentIndex).toBe(2);
    });

    it('Teams delivers the same "Volgende" twice at the same moment: one move, both answered with the view', async () => {
      const g = await openSession();
      const press = execute(g.conv, anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-twice' }, g.sessionMessageId, 'goto-anna-twice');
      const answers = await Promise.all([t.send(press), t.send(press)]);
      expect(answers.map((a) => isNormalCard(a.body))).toEqual([true, true]);
      expect((await g.session()).currentIndex).toBe(1);
    });

    it('a "Volgende" whose Cosmos answer was lost: stored once, answered with the view, and its redelivery after the group moved on moves nothing', async () => {
      const g = await openSession();
      let used = false;
      t.proxy!.faults = (req) => (!used && req.kind === 'replace' && req.container === 'sessions' ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
      const press = execute(g.conv, anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-lost' }, g.sessionMessageId, 'goto-anna-lost');
      const answer = await t.send(press);
      t.proxy!.faults = undefined;
      expect(used).toBe(true);
      expect(isNormalCard(answer.body)).toBe(true);
      expect((await g.session()).currentIndex).toBe(1);
      await g.press(bram, 'session.goto', { ...g.ids(), index: 2, k: 'k-bram-card-1' });
      await t.send(press);
      expect((await g.session()).currentIndex).toBe(2);
    });

    it('"Volgende" redelivered after the session ended: the view, not an error card, and the session stays closed', async () => {
      const g = await openSession();
      const annas = execute(g.conv, anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' }, g.sessionMessageId, 'goto-anna-end-1');
      expect(isNormalCard((await t.send(annas)).body)).toBe(true);
      await g.end(cem);
      const again = await t.send(annas);
      // The press was stored the first time; "Dat lukte niet ... Er is niets verloren gegaan" would be wrong.
      expect(isNormalCard(again.body)).toBe(true);
      expect(cardText(again.body.value)).toContain('Deze sessie is afgerond');
      expect((await g.session()).status).toBe('closed');
    });

    it('a new press from a stale card is not taken for a redelivery: the other button on the same card moves the group', async () => {
      const g = await openSession();
      await g.press(anna, 'session.goto', { ...g.ids(), index: 1, k: 'k-anna-card-0' });
      // Anna's card at question 2 offers "Vorige" (index 0) and "Volgende" (index 2), both under k-anna-card-1.
      await g.press(anna, 'session.goto', { ...g.ids(), index: 2, k: 'k-anna-card-1' });
      await g.press(bram, 'session.goto', { ...g.ids(), index: 1, k: 'k-bram-card-2' });
      expect((await g.session()).currentIndex).toBe(1);
      const back = await g.press(anna, 'session.goto', { ...g.ids(), index: 0, k: 'k-anna-card-1' });
      expect(isNormalCard(back)).toBe(true);
      expect((await g.session()).currentIndex).toBe(0);
      // And a press from a card rendered before the end is still refused: nothing of it was stored.
      await g.end(cem);
      const late = await g.press(bram, 'session.goto', { ...g.ids(), index: 2, k: 'k-bram-old' });
      expect(cardText(late.value ?? late)).toContain(SESSION_ENDED);
      expect((await g.session()).currentIndex).toBe(0);
    });

    it('three members press "Volgende" on the same card at once: one move, the opening check-in closed once', async () => {
      const g = await openSession();
      const answers = await Promise.all([anna, bram, cem].map((m) => g.press(m, 'session.goto', { ...g.ids(), index: 1, k: 'k-shared-card' })));
      expect(answers.every(isNormalCard)).toBe(true);
      const s = await g.session();
      expect(s.currentIndex).toBe(1);
      expect(s.energy.in.closedAt).toBeDefined();
      await t.app.sharedCards.idle();
      expect(sharedCurrent(g)).toContain('2.');
    });

    it('"Volgende" and "Vorige" pressed at once: the shared card ends on the stored question', async () => {
      const g = await openSession();
      await g.goTo(anna, 1);
      await Promise.all([g.press(bram, 'session.goto', { ...g.ids(), index: 2 }), g.press(cem, 'session.goto', { ...g.ids(), index: 0 })]);
      await t.app.sharedCards.idle();
      const stored = (await g.session()).currentIndex;
      expect(sharedCurrent(g)).toContain(`${stored + 1}.`);
    });
  });

  describe('the decision and "Vraag AI"', () => {
    /** Four members checked in, 1-6 answered (6 by the group itself), at question 7, judged by two. */
    async function judged() {
      const g = group([anna, bram, cem, dewi]);
      await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'EIGEN: een overdrachtstafel'], { checkIn: 4 });
      for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
      return g;
    }
    const validatedSince = (from: number) => events.slice(from).filter((e) => e.name === 'proposalValidated');
    const decision = (k: string, over: Record<string, unknown> = {}) => ({ decision: 'accept', decisionReason: 'Eenvoudig te doen', adoptedText: '', firstStep: 'Morgen de tafel neerzetten', k, ...over });
    /**
     * The next write of the proposal is stored, and its answer dropped: a replace, or (a decision in
     * an open session) the transaction with the session's open gate, the only one in that turn.
     */
    const loseNextProposalReplace = (g: GroupDriver) => {
      let used = false;
      const isProposalWrite = (req: { kind: string; container?: string; path: string }) => (req.kind === 'replace' && req.path.endsWith(`/docs/${g.groupId}_w1_p`)) || (req.kind === 'batch' && req.container === 'sessions');
      t.proxy!.faults = (req) => (!used && isProposalWrite(req) ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
      return () => {
        t.proxy!.faults = undefined;
        return used;
      };
    };

    it('a decision Cosmos stored but whose answer was lost (the change runs again): counted once', async () => {
      const g = await judged();
      const from = events.length;
      const restore = loseNextProposalReplace(g);
      let answer;
      try {
        answer = await g.press(cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') });
      } finally {
        expect(restore()).toBe(true);
      }
      expect(isNormalCard(answer)).toBe(true);
      expect((await proposalOf(t, g)).decision).toMatchObject({ verdict: 'accept', firstStep: 'Morgen de tafel neerzetten' });
      // Product telemetry counts validated proposals from this event: once per decision.
      expect(validatedSince(from)).toHaveLength(1);
    });

    it('a decision whose answer was lost, then redelivered by Teams: counted once, answered with the view', async () => {
      const g = await judged();
      const from = events.length;
      const press = execute(g.conv, cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') }, g.sessionMessageId, 'decide-cem-lost');
      const restore = loseNextProposalReplace(g);
      let first;
      try {
        first = await t.send(press);
      } finally {
        expect(restore()).toBe(true);
      }
      const again = await t.send(press);
      expect([isNormalCard(first.body), isNormalCard(again.body)]).toEqual([true, true]);
      expect(validatedSince(from)).toHaveLength(1);
    });

    it('two members decide differently at the same moment: one decision stored and counted, the other gets their form back', async () => {
      const g = await judged();
      const from = events.length;
      const [c, d] = await Promise.all([
        g.press(cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') }),
        g.press(dewi, 'proposal.decide', { ...g.ids(), ...decision('k-dewi', { decision: 'reject', decisionReason: 'DEWI-REDEN: past niet', firstStep: '' }) }),
      ]);
      const stored = (await proposalOf(t, g)).decision;
      expect(['accept', 'reject']).toContain(stored.verdict);
      const loser = stored.verdict === 'accept' ? d : c;
      // Refused, not dropped: the loser's own inputs come back, without a bare error card.
      expect(cardText(loser.value)).not.toContain(ERROR_TITLE);
      if (loser === d) expect(JSON.stringify(loser.value)).toContain('DEWI-REDEN: past niet');
      else expect(JSON.stringify(loser.value)).toContain('Eenvoudig te doen');
      expect(validatedSince(from)).toHaveLength(1);
      await t.app.sharedCards.idle();
      expect(cardText(g.sharedCard())).toContain(stored.verdict === 'accept' ? 'Morgen de tafel neerzetten' : 'DEWI-REDEN');
    });

    it('Teams delivers the same decision twice at the same moment: counted once, both answered with the view', async () => {
      const g = await judged();
      const from = events.length;
      const press = execute(g.conv, cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') }, g.sessionMessageId, 'decide-cem-twice');
      const answers = await Promise.all([t.send(press), t.send(press)]);
      expect(answers.map((a) => isNormalCard(a.body))).toEqual([true, true]);
      expect(validatedSince(from)).toHaveLength(1);
    });

    it('question 6 after the group decided: no "Vraag AI", and a "Vraag AI" from a card of before the decision gets the view, not "session ended"', async () => {
      const g = await judged();
      await g.press(cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') });
      const q6 = await g.goTo(anna, 5);
      expect(isNormalCard(q6)).toBe(true);
      expect(JSON.stringify(q6.value)).not.toContain('"verb":"proposal.draft"');
      expect(cardText(q6.value)).toContain('De groep heeft over het voorstel besloten');

      const stale = await g.press(bram, 'proposal.draft', { ...g.ids(), k: 'k-before-decision' });
      expect(isNormalCard(stale)).toBe(true);
      expect(cardText(stale.value)).not.toContain(SESSION_ENDED);
      await t.app.background.idle();
      const p = await proposalOf(t, g);
      expect(p.ai.status).toBe('none');
      expect(p.decision).toMatchObject({ verdict: 'accept' });
      expect((await g.session()).status).toBe('open');
    });

    it('"Vraag AI" redelivered after the group decided on the draft: the view, not an error card, and the decision stands', async () => {
      const g = group([anna, bram, cem, dewi]);
      await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten'], { checkIn: 4 });
      const ask = execute(g.conv, bram, 'proposal.draft', { ...g.ids(), k: 'k-ask' }, g.sessionMessageId, 'draft-bram-1');
      expect(isNormalCard((await t.send(ask)).body)).toBe(true);
      await ai.held();
      ai.answer(AI_DRAFT);
      await t.app.background.idle();
      expect((await proposalOf(t, g)).ai.status).toBe('drafted');
      await g.goTo(anna, 6);
      for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
      await g.press(cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') });

      const again = await t.send(ask);
      expect(isNormalCard(again.body)).toBe(true);
      await t.app.background.idle();
      const p = await proposalOf(t, g);
      expect(p.ai.status).toBe('drafted');
      expect(p.decision.text).toContain('AI-TEKST');
    });

    it('the AI draft lands while a member decides on the group\'s own text: never decided on the AI\'s unseen text, and the shared card ends on what was stored', async () => {
      const g = group([anna, bram, cem, dewi]);
      await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten'], { checkIn: 4 });
      await g.press(bram, 'proposal.draft', { ...g.ids(), k: 'k-ask' });
      await ai.held();
      await g.contribute(cem, 6, 'EIGEN: vaste overdracht');
      await g.goTo(anna, 6);
      for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
      // The decision and the AI's answer at the same moment.
      const deciding = g.press(cem, 'proposal.decide', { ...g.ids(), ...decision('k-cem') });
      ai.answer(AI_DRAFT);
      const answer = await deciding;
      await t.app.background.idle();
      await t.app.sharedCards.idle();
      const p = await proposalOf(t, g);
      if (p.decision) {
        // Decided: on the group's own text, and never on the AI's unseen text.
        expect(p.decision.text).toContain('EIGEN');
        expect(p.ai.status).not.toBe('drafted');
        expect(cardText(g.sharedCard())).toContain('Morgen de tafel neerzetten');
        expect(cardText(g.sharedCard())).not.toContain('AI-TEKST');
      } else {
        // Refused because the text changed under the member: their form back, nothing stored.
        expect(cardText(answer.value)).not.toContain(ERROR_TITLE);
        expect(cardText(g.sharedCard())).toContain('AI-TEKST');
      }
    });
  });
});

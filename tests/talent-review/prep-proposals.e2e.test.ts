import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator } from '../../src/i18n/i18n';
import { overviewCard } from '../../src/teams/cards/verantwoording/overview.card';
import { buildOverview } from '../../src/usecases/verantwoording/overview';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { execute, user } from '../support/activities';
import { HANDOVER_ANSWERS } from '../support/ai-fixtures';
import { cardProblems } from '../support/card-validator';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // Anna's manager
const DRAFT = { proposal: 'AI-TEKST: vervang de overdracht door een chatbot.', assumptions: ['x'], risks: ['y'], questionsToCheck: ['z'] };
const AI_LABEL = 'Concept van AI; de groep heeft er (nog) geen besluit over genomen';
const REJECTION = 'Lost het probleem niet op';

/**
 * A proposal's text is the group's only once the group decided. An AI draft the group has not
 * judged is shown, wherever it is shown, as the AI's concept; a rejection is an outcome too.
 */
describe('proposals outside the session: the AI draft labelled, a rejection shown', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  const nl = createTranslator().t('nl');

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  /** Anna shares the time of all her weeks: that brings each week's proposals onto the prep card. */
  async function annaSharesHerWeeks() {
    const v = verantwoordingDeps(t.cosmos);
    for (const cycle of (await buildOverview(v, 'aad-anna', 'nl')).cycles) await setVisibility(v, 'aad-anna', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'shared' });
  }

  /** Mia plans the conversation (the same plan again changes nothing) and opens its prep card; returns its "Voorstellen" section. */
  async function prepProposals(): Promise<{ card: object; proposals: string }> {
    const personal = t.conversation('personal', 'a:personal-mia');
    await t.send(execute(personal, mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const card = (await t.send(execute(personal, mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value;
    const text = cardText(card);
    return { card, proposals: text.slice(text.indexOf('Voorstellen'), text.indexOf('Reflecties')) };
  }

  it('labels an undecided AI draft as the AI\'s concept on the prep card and in the verantwoording', async () => {
    const g = await new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4)).answeredOnDayOne(HANDOVER_ANSWERS, { checkIn: 4 });
    ai.script(success(DRAFT));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain(DRAFT.proposal);
    await g.end();
    await annaSharesHerWeeks();

    const { card, proposals } = await prepProposals();
    expect(cardProblems(card)).toEqual([]);
    // The manager reads whose text it is before the text itself, and never "Team Zorg: <AI text>".
    expect(proposals).toContain(`Team Zorg · ${AI_LABEL}`);
    expect(proposals.indexOf(AI_LABEL)).toBeLessThan(proposals.indexOf(DRAFT.proposal));
    expect(proposals).not.toContain(`Team Zorg: ${DRAFT.proposal}`);

    // Anna's own verantwoording ("Voorstellen waaraan je bijdroeg") says the same, and so does what the tab reads.
    const overview = await buildOverview(verantwoordingDeps(t.cosmos), 'aad-anna', 'nl');
    expect(overview.cycles[0]!.proposals[0]).toMatchObject({ source: 'aiDraft', status: 'open', text: DRAFT.proposal });
    const own = cardText(overviewCard(overview, nl, 'nl', 'Europe/Amsterdam'));
    expect(own).toContain(AI_LABEL);
    expect(own.indexOf(AI_LABEL)).toBeLessThan(own.indexOf(DRAFT.proposal));
  });

  it('the proposal search inserts an undecided AI draft as the AI\'s concept, not as "Verbetervoorstel van <groep>"', async () => {
    // The draft is the one the first case's group asked for.
    const from = MEMBERS[0]!;
    const chat = t.conversation('groupChat', '19:elsewhere@thread.v2');
    const res = await t.send({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: chat.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
      from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name }, recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: chat.id, conversationType: 'groupChat', tenantId: chat.tenantId, isGroup: true }, channelData: { tenant: { id: chat.tenantId } },
      value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'chatbot' }], queryOptions: { skip: 0, count: 25 } },
    });
    const attachments: { content: unknown; preview: { content: { title: string; subtitle: string; text: string } } }[] = res.body.composeExtension.attachments ?? [];
    const hit = attachments.find((a) => cardText(a.content).includes(DRAFT.proposal));
    expect(hit).toBeDefined();
    const text = cardText(hit!.content);
    expect(cardProblems(hit!.content as object)).toEqual([]);
    expect(text).not.toContain('Verbetervoorstel van Team Zorg');
    expect(text).toContain(AI_LABEL);
    expect(text.indexOf(AI_LABEL)).toBeLessThan(text.indexOf(DRAFT.proposal));
    // The searcher's own list says so too.
    expect(`${hit!.preview.content.subtitle} ${hit!.preview.content.text}`).toContain(AI_LABEL);
  });

  it('shows a proposal the group rejected, with the group\'s verdict and reason, like the other outcomes', async () => {
    const members = [MEMBERS[0]!, ...MEMBERS.slice(2, 5)];
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:reject@thread.v2'), members).answeredOnDayOne(HANDOVER_ANSWERS, { checkIn: 4 });
    await g.contribute(members[1]!, 6, 'Eigen voorstel dat de groep afwijst');
    await g.goTo(members[0]!, 6);
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: 'Past niet' });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), decision: 'reject', decisionReason: REJECTION, adoptedText: '', firstStep: '' });
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.decision.verdict).toBe('reject');
    await g.end();
    await annaSharesHerWeeks();

    const { proposals } = await prepProposals();
    expect(proposals).toContain('Besluit van de groep: afwijzen');
    expect(proposals).toContain(`Reden: ${REJECTION}`);

    // In Anna's own verantwoording it is an outcome as well, not a proposal "not written out yet".
    const overview = await buildOverview(verantwoordingDeps(t.cosmos), 'aad-anna', 'nl');
    const rejected = overview.cycles.flatMap((c) => c.proposals).find((p) => p.status === 'reject');
    expect(rejected).toMatchObject({ source: 'decision', text: '', reason: REJECTION });
    const own = cardText(overviewCard(overview, nl, 'nl', 'Europe/Amsterdam'));
    expect(own).toContain(`afgewezen · Reden: ${REJECTION}`);
    expect(own).not.toContain(nl('verantwoording.proposal.noText'));
  });
});

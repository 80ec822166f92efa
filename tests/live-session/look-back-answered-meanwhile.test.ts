import { buttonData } from '../support/card-fields';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekTwoLookingBack } from './support';

/**
 * Found in review, stop 41.
 *
 * Week 2 opens with "Vorige week spraken jullie deze eerste stap af: wat is ervan geworden?" on
 * the card posted in the chat, the form empty (nothing told yet). Anna and Bram both answer it
 * from that card, a moment apart: Anna "gedaan", Bram "laten vallen". Bram's press, made on a card
 * that showed nothing told, silently replaced what Anna recorded, which he never saw.
 * Must hold: as the agenda's "changed meanwhile", Bram's press keeps Anna's answer and shows it
 * to him next to what he entered; pressing again from that card, he changes it knowingly. Teams
 * delivering Anna's press again changes nothing.
 */
describe('two members tell what became of last week\'s first step from the same card', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('does not let a press from a card that showed nothing told replace an answer stored meanwhile', async () => {
    const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = await weekTwoLookingBack(t, '19:look-back-unseen@thread.v2');

    // The card posted in the chat when week 2 opened: the look back's form, nothing told yet.
    const posted = t.connector.calls.find((c) => c.method === 'POST' && c.id === g.sessionMessageId)!.activity.attachments[0].content;
    const form = buttonData(posted, 'proposal.firstStep');
    await g.press(anna, 'proposal.firstStep', { ...form, firstStepStatus: 'done', firstStepNote: 'Staat er, iedereen gebruikt hem' });
    const bramsAnswer = await g.press(bram, 'proposal.firstStep', { ...form, firstStepStatus: 'dropped', firstStepNote: 'Laten vallen' });

    const outcome = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome;
    expect(outcome).toMatchObject({ status: 'done', note: 'Staat er, iedereen gebruikt hem' });
    expect(cardText(bramsAnswer.value)).toContain('Staat er, iedereen gebruikt hem');
    expect(cardText(bramsAnswer.value)).toContain('Intussen vertelde iemand anders wat er van de eerste stap is geworden');
    expect(JSON.stringify(bramsAnswer.value)).toContain('Laten vallen');

    // Anna's press delivered again by Teams changes nothing.
    await g.press(anna, 'proposal.firstStep', { ...form, firstStepStatus: 'done', firstStepNote: 'Staat er, iedereen gebruikt hem' });
    const read = async () => (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.firstStepOutcome;
    expect(await read()).toMatchObject({ status: 'done', note: 'Staat er, iedereen gebruikt hem' });

    // From the card that now shows Anna's answer, Bram changes it knowingly.
    const again = buttonData(bramsAnswer.value, 'proposal.firstStep');
    await g.press(bram, 'proposal.firstStep', { ...again, firstStepStatus: 'dropped', firstStepNote: 'Laten vallen' });
    expect(await read()).toMatchObject({ status: 'dropped', note: 'Laten vallen' });
  }, 60_000);
});

/**
 * Found in review, stop 61 (fixed then: a send still queueing when she deleted it withdraws nothing).
 * The first fix's finishDeletedMidSend withdrew cards another delivery of the same press had queued
 * and answered "Verantwoording verstuurd" on. The control case is a guard.
 *
 * Mia presses send; Teams finds the first delivery (D1, which creates the record) slow and delivers
 * the press again (D2, the answer her card shows). D2 finds the record, queues both cards (D1's
 * first queue write is still on its way), confirms the record and answers "Verantwoording
 * verstuurd". She sees it listed and deletes it from her list on her phone: "verstuurd" means sent,
 * the delete never takes it back from the team (stop 60). Then D1's queue write fails (and keeps
 * failing): its take-back finds her delete's mark (which no longer says the record was confirmed),
 * finishDeletedMidSend withdraws every card (none tried yet: the paced outbox) and drops the mark.
 * Promised: what she was told went, goes.
 */
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardsCarrying, isOutboxWrite, keptOfMia, startTwoDeliveriesApp, teamAccountPress } from './support/team-account-send';
import { pressIn } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('a team account delivery told "sent", the other delivery failing after her delete', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTwoDeliveriesApp();
  }, 60_000);
  afterAll(() => t?.stop());


  /**
   * D1 creates the record and is held on its first card's create; D2 (the answer her card shows)
   * queues both cards and answers; she deletes the account from her list; then D1's held create
   * goes on (`d1Fails`: failing, as does every outbox create after it). No card is tried until D1 answered.
   */
  async function deletedAfterShownSent(words: string, pressId: string, d1Fails: boolean) {
    const press = await teamAccountPress(t, mia, words);
    // The paced outbox has not tried any card yet: every sender claim (an outbox replace) waits.
    let senderGo!: () => void;
    const senderMayClaim = new Promise<void>((r) => (senderGo = r));
    let failCreates = false;
    t.proxy!.faults = (r) => {
      if (r.container === 'outbox' && r.kind === 'replace') return { kind: 'hold', until: senderMayClaim };
      if (failCreates && r.container === 'outbox' && r.kind === 'create') return { kind: 'status', status: 503 };
      return undefined;
    };
    const gate = cosmosGate(t.proxy!);
    let seen = 0;
    // D1's second outbox request (after the first card's key check): the first card's create.
    const d1FirstCard = gate.hold((req) => isOutboxWrite(req) && ++seen === 2);
    const d1 = pressIn(t, mia, SEND, press, `${pressId}-d1`);
    await d1FirstCard.arrived;
    // D2: Teams delivered the slow press again; this answer is what her card shows.
    const shown = cardText(await pressIn(t, mia, SEND, press, `${pressId}-d2`));
    const id = (await keptOfMia(t)).find((r) => r.text === words)!.id;
    // She sees it listed as sent, and deletes it from her list on her phone.
    await pressIn(t, mia, 'review.teamAccount.delete', { id }, `${pressId}-phone-delete`);
    failCreates = d1Fails;
    d1FirstCard.release();
    const d1Answer = cardText(await d1);
    failCreates = false;
    const markLeft = (await t.store.container('personal').item(id, 'aad-mia').read()).resource?.type ?? 'nothing';
    senderGo();
    t.proxy!.faults = undefined;
    await t.app.outbox.drain(60_000);
    return { shownSent: shown.includes('Verantwoording verstuurd'), d1Sent: d1Answer.includes('Verantwoording verstuurd'), markLeft, cardsThatWent: cardsCarrying(t, words), listed: (await keptOfMia(t)).filter((r) => r.text === words).length };
  }

  it('guard (the set-up holds no card back): D1 not failing, both cards go', async () => {
    expect(await deletedAfterShownSent('CONTROLE-GEZIEN-ALS-VERSTUURD: dit gaat naar beiden.', 'own61a-control', false)).toEqual({
      shownSent: true,
      d1Sent: true,
      markLeft: 'teamAccountDeleted',
      cardsThatWent: 2,
      listed: 0,
    });
  }, 90_000);

  it('the cards of the answer she saw ("verstuurd") still go after D1 gives up', async () => {
    const seen = await deletedAfterShownSent('GEZIEN-ALS-VERSTUURD: dit moet naar Anna en Bram.', 'own61a', true);
    // Promised: what her card said went, goes (whatever D1 answers: Teams has stopped waiting for it).
    expect({ shownSent: seen.shownSent, cardsThatWent: seen.cardsThatWent, listed: seen.listed }).toEqual({ shownSent: true, cardsThatWent: 2, listed: 0 });
  }, 90_000);
});

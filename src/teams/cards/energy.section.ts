import { checkInClosesWithSession, checkOutOpen, EnergyPhase } from '../../domain/week-cycle/session';
import { MIN_ENERGY_ANSWERS } from '../../domain/week-cycle/energy';
import { Translate } from '../../i18n/i18n';
import { EnergyView, SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, list, submittedText, subtle, textBlock, withFieldError, extended } from './card-kit';
import { formatAverage } from './format';

/** While a round runs: how many checked in, no figure, and when it closes. Once closed: the average, no count. */
function summaryLine(phase: EnergyPhase, e: EnergyView, t: Translate, view: SessionView): string {
  const p = t(`energy.phase.${phase}`);
  const open = phase === 'out' ? 'energy.openOut' : checkInClosesWithSession(view.agenda.length) ? 'energy.openUntilEnd' : 'energy.open';
  if (e.summary.status === 'open') return t(open, { phase: p, count: e.checkedIn, min: MIN_ENERGY_ANSWERS });
  if (e.summary.status === 'tooFew') return t('energy.tooFew', { phase: p });
  if (e.summary.status === 'withdrawn') return t('energy.withdrawn', { phase: p });
  return t('energy.average', { phase: p, average: formatAverage(e.summary.average, view.language) });
}

/** Only the viewer's own score is ever shown to them; others see a published average only. */
function askEnergy(view: SessionView, phase: EnergyPhase, t: Translate, withPresence: boolean): Element {
  const inputId = phase === 'in' ? 'energyIn' : 'energyOut';
  const ids = { groupId: view.groupId, sessionId: view.session.id, k: view.actionKey };
  // Lists without allocation sites (concat, push, card-kit's list): see card-kit.
  const actions = list(execute(t(`energy.submit.${phase}`), 'checkIn', extended(ids, { phase }), { associatedInputs: 'auto' }));
  if (withPresence) actions.push(execute(t('energy.present'), 'markPresent', ids, { associatedInputs: 'none' }));
  const items = withFieldError(
    // A score picked but not yet sent stays picked when the member refreshes their own card.
    { type: 'Input.ChoiceSet', id: inputId, style: 'expanded', label: t(`energy.ask.${phase}`), choices: [1, 2, 3, 4, 5].map((n) => ({ title: t(`energy.scale.${n}`), value: String(n) })), value: submittedText(view.refused?.values, inputId) ?? '' },
    view.refused?.errors[inputId],
  ).concat(subtle(t('energy.private')), actionSet(actions));
  if (withPresence) items.push(subtle(t('energy.presentHint')));
  return container(items, { style: 'emphasis', spacing: 'Medium' });
}

function presenceOnly(view: SessionView, t: Translate): Element {
  return container(
    [subtle(t('energy.presentHint')), actionSet([execute(t('energy.present'), 'markPresent', { groupId: view.groupId, sessionId: view.session.id, k: view.actionKey }, { associatedInputs: 'none' })])],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

export function energySection(view: SessionView, t: Translate): Element[] {
  const open = view.session.status === 'open';
  const elements = list<Element>(subtle(summaryLine('in', view.energy.in, t, view)));
  if (view.energy.out.checkedIn > 0 || view.energy.out.summary.status !== 'open') elements.push(subtle(summaryLine('out', view.energy.out, t, view)));
  const viewer = view.viewer;
  if (!viewer) return elements;
  if (!open) {
    // A score stored while the session closed is the member's own, in no average: they hear so here too.
    for (const phase of ['in', 'out'] as const) {
      const score = phase === 'in' ? viewer.energyIn : viewer.energyOut;
      const late = phase === 'in' ? viewer.energyInLate : viewer.energyOutLate;
      if (late && score !== undefined) elements.push(subtle(t('energy.yoursLate', { phase: t(`energy.phase.${phase}`), score })));
    }
    return elements;
  }
  // Checking out marks presence as checking in does: a member who has not said they are there is
  // asked too, with "Ik ben erbij" beside it (once on the card). A check-out refused on their card
  // comes back with its score and the reason, whatever the session's state.
  const asksOut = viewer.energyOut === undefined && (checkOutOpen(view.session, view.agenda.length) || view.refused?.errors.energyOut !== undefined);
  if (viewer.energyIn !== undefined) elements.push(subtle(t(viewer.energyInLate ? 'energy.yoursLate' : 'energy.yours', { phase: t('energy.phase.in'), score: viewer.energyIn })));
  else if (view.energy.in.summary.status === 'open') elements.push(askEnergy(view, 'in', t, !viewer.present && !asksOut));
  else if (!viewer.present) {
    if (!asksOut) elements.push(presenceOnly(view, t));
  } else elements.push(subtle(t('energy.youArePresent')));
  if (viewer.energyOut !== undefined) elements.push(subtle(t(viewer.energyOutLate ? 'energy.yoursLate' : 'energy.yours', { phase: t('energy.phase.out'), score: viewer.energyOut })));
  else if (asksOut) elements.push(askEnergy(view, 'out', t, !viewer.present));
  return elements;
}

import { EnergyPhase } from '../../domain/week-cycle/session';
import { EnergySummary, MIN_ENERGY_ANSWERS } from '../../domain/week-cycle/energy';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, subtle, textBlock } from './card-kit';

function summaryLine(phase: EnergyPhase, s: EnergySummary, t: Translate): string {
  if (s.average === undefined) return t('energy.tooFew', { phase: t(`energy.phase.${phase}`), count: s.count, min: MIN_ENERGY_ANSWERS });
  return t('energy.average', { phase: t(`energy.phase.${phase}`), average: s.average.toLocaleString('nl-NL'), count: s.count });
}

/** Only the viewer's own score is ever shown; others see an average from three answers up. */
function askEnergy(view: SessionView, phase: EnergyPhase, t: Translate): Element {
  const inputId = phase === 'in' ? 'energyIn' : 'energyOut';
  return container(
    [
      textBlock(t(`energy.ask.${phase}`), { weight: 'Bolder' }),
      {
        type: 'Input.ChoiceSet',
        id: inputId,
        style: 'expanded',
        
        
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: t(`energy.scale.${n}`), value: String(n) })),
      },
      subtle(t('energy.private')),
      actionSet([execute(t(`energy.submit.${phase}`), 'checkIn', { groupId: view.groupId, sessionId: view.session.id, phase }, { associatedInputs: 'auto' })]),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

export function energySection(view: SessionView, t: Translate): Element[] {
  const open = view.session.status === 'open';
  const elements: Element[] = [subtle(summaryLine('in', view.energyIn, t))];
  if (view.energyOut.count > 0) elements.push(subtle(summaryLine('out', view.energyOut, t)));
  const viewer = view.viewer;
  if (!viewer || !open) return elements;
  if (viewer.energyIn === undefined) elements.push(askEnergy(view, 'in', t));
  else elements.push(subtle(t('energy.yours', { phase: t('energy.phase.in'), score: viewer.energyIn })));
  const nearEnd = view.session.warned || view.session.currentIndex === view.agenda.length - 1;
  if (nearEnd && viewer.energyOut === undefined && viewer.energyIn !== undefined) elements.push(askEnergy(view, 'out', t));
  else if (viewer.energyOut !== undefined) elements.push(subtle(t('energy.yours', { phase: t('energy.phase.out'), score: viewer.energyOut })));
  return elements;
}

import { Instrument } from '../../../domain/pulse-poll/instrument';
import { TeamResult } from '../../../domain/pulse-poll/results';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, escapeMarkdown, factSet, heading, subtle, textBlock } from '../card-kit';
import { b3ScoresSection } from './b3-scores.section';
import { responseFact } from './pulse-results.card';
import { scoreExplanation } from './score-explanation.section';

export interface TeamResultsView {
  instrument: Instrument;
  language: Locale;
  closed: { by: 'date' | 'hr'; label: string };
  team: TeamResult;
  minRespondents: number;
}

/**
 * The B3 mirror: one team's own results, as its channel gets them after closing (and as its
 * members see them on request). Averages only, figures only from the minimum up, no comments;
 * and an invitation to talk about them in the group's next session.
 */
export function teamResultsCard(vm: TeamResultsView, t: Translate): AdaptiveCardJson {
  const { team } = vm;
  return adaptiveCard([
    heading(t('pulse.mirror.title', { team: escapeMarkdown(team.teamName) })),
    subtle(t(vm.closed.by === 'hr' ? 'pulse.mirror.subtitleByHr' : 'pulse.mirror.subtitleByDate', { date: vm.closed.label })),
    factSet([responseFact(team, t)]),
    ...(team.figures
      ? [textBlock(t('pulse.mirror.intro')), ...b3ScoresSection(team.figures, team.change, vm.instrument, t, true)]
      : [textBlock(t('pulse.mirror.tooFew', { min: vm.minRespondents }))]),
    container([textBlock(`💬 ${t('pulse.mirror.invite')}`)], { style: 'emphasis', spacing: 'Large' }),
    ...(team.figures ? scoreExplanation(team.figures, vm.instrument, t, vm.language) : []),
  ]);
}

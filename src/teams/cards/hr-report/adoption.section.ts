import { Language } from '../../../domain/framework/framework';
import { AdoptionSection } from '../../../domain/hr-report/adoption';
import { reportDate } from './report-format';
import { Translate } from '../../../i18n/i18n';
import { container, Element, plainText, subtle, textBlock, truncate } from '../card-kit';

/** The card stays well inside Teams' size limit; the downloads hold every proposal. */
const SHOWN_PROPOSALS = 15;
const SHOWN_LENGTH = 300;

/** The headline figure: adopted, looked back on, first step taken. */
export function adoptionHeadline(a: AdoptionSection, t: Translate): string {
  if (!a.adopted) return t('hrReport.adoption.noneAdopted');
  if (!a.lookedBack) return t('hrReport.adoption.notLookedBack', { count: a.adopted });
  return `${t('hrReport.adoption.adopted', { count: a.adopted })} ${t('hrReport.adoption.taken', { count: a.lookedBack, taken: a.taken, share: a.takenShare })}`;
}

/** What became of a first step, in a word ("gedaan"), or that the group did not look back yet. */
export function outcomeText(p: AdoptionSection['groups'][number]['proposals'][number], t: Translate): string {
  return p.outcome ? t(`hrReport.adoption.status.${p.outcome.status}`) : t('hrReport.adoption.noOutcome');
}

/** Transfer to practice: per group, each adopted proposal with what became of its first step. */
export function adoptionSection(a: AdoptionSection, t: Translate, language: Language): Element[] {
  const items: Element[] = [];
  let shown = 0;
  for (const group of a.groups) {
    if (shown >= SHOWN_PROPOSALS) break;
    items.push({ ...plainText(group.groupName, { weight: 'Bolder' }), spacing: 'Small' });
    for (const p of group.proposals.slice(0, SHOWN_PROPOSALS - shown)) {
      shown++;
      items.push(
        container([
          // The AI's words adopted as they are say so before the text, never read as the group's own.
          ...(p.aiAdopted ? [plainText(t('hrReport.adoption.adoptedAi'), { weight: 'Bolder', size: 'Small' })] : []),
          plainText(truncate(p.text, SHOWN_LENGTH)),
          subtle(`${reportDate(p.decidedOn, language)} · ${t('hrReport.adoption.firstStep')}: ${outcomeText(p, t)}`),
        ], { spacing: 'Small' }),
      );
    }
  }
  const hidden = a.adopted - shown;
  return [
    textBlock(t('hrReport.adoption.title'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(adoptionHeadline(a, t), { spacing: 'Small' }),
    ...items,
    ...(hidden > 0 ? [subtle(t('hrReport.adoption.more', { count: hidden }))] : []),
  ];
}

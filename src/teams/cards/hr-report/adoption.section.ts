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

type AdoptionProposal = AdoptionSection['groups'][number]['proposals'][number];

/** What became of a first step, in a word ("gedaan"), or that the group did not look back yet. */
export function outcomeText(p: AdoptionProposal, t: Translate): string {
  return p.outcome ? t(`hrReport.adoption.status.${p.outcome.status}`) : t('hrReport.adoption.noOutcome');
}

/** Whether the group shared it with L&O ("Gedeeld met L&O op 12 nov 2026"), or nothing when it did not. */
export function sharedWithLoText(p: AdoptionProposal, t: Translate, language: Language): string | undefined {
  return p.lo ? t('hrReport.adoption.sharedWithLo', { date: reportDate(p.lo.sharedOn, language) }) : undefined;
}

/** The heading of L&O's latest answer ("Antwoord van L&O op 20 nov 2026:"), or nothing when L&O did not answer. */
export function loAnswerHeading(p: AdoptionProposal, t: Translate, language: Language): string | undefined {
  return p.lo?.answer ? t('hrReport.adoption.loAnswer', { date: reportDate(p.lo.answer.on, language) }) : undefined;
}

/** What the card shows of a share with L&O: its day and L&O's latest answer (shortened; the downloads hold it whole), as plain text. */
function loPart(p: AdoptionProposal, t: Translate, language: Language, length: number): Element[] {
  const shared = sharedWithLoText(p, t, language);
  if (!shared) return [];
  const answer = p.lo!.answer;
  return [subtle(shared), ...(answer ? [subtle(loAnswerHeading(p, t, language)!), { ...plainText(truncate(answer.text, length)), spacing: 'None' as const }] : [])];
}

/** How much the section shows, when the whole report card must fit (hr-report.card): fewer proposals, shorter texts and group names. */
export interface AdoptionFit {
  proposals: number;
  nameLength: number;
  textLength: number;
}

/** Transfer to practice: per group, each adopted proposal with what became of its first step. */
export function adoptionSection(a: AdoptionSection, t: Translate, language: Language, fit: AdoptionFit = { proposals: SHOWN_PROPOSALS, nameLength: Infinity, textLength: Infinity }): Element[] {
  const items: Element[] = [];
  const most = Math.min(SHOWN_PROPOSALS, fit.proposals);
  const length = Math.min(SHOWN_LENGTH, fit.textLength);
  let shown = 0;
  for (const group of a.groups) {
    if (shown >= most) break;
    items.push({ ...plainText(truncate(group.groupName, fit.nameLength), { weight: 'Bolder' }), spacing: 'Small' });
    for (const p of group.proposals.slice(0, most - shown)) {
      shown++;
      items.push(
        container([
          // The AI's words adopted as they are say so before the text, never read as the group's own.
          ...(p.aiAdopted ? [plainText(t('hrReport.adoption.adoptedAi'), { weight: 'Bolder', size: 'Small' })] : []),
          ...(p.aiAdapted ? [plainText(t('hrReport.adoption.adaptedFromAi'), { weight: 'Bolder', size: 'Small' })] : []),
          plainText(truncate(p.text, length)),
          subtle(`${reportDate(p.decidedOn, language)} · ${t('hrReport.adoption.firstStep')}: ${outcomeText(p, t)}`),
          // Only with the proposal it belongs to: a proposal the card leaves out takes its answer along.
          ...loPart(p, t, language, length),
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

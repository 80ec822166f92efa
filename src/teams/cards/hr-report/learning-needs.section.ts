import { LearningNeedsSection } from '../../../domain/learning-needs/report';
import { Translate } from '../../../i18n/i18n';
import { actionSet, Element, execute, factSet, plainText, subtle, textBlock, truncate } from '../card-kit';
import { Language } from '../../../domain/framework/framework';
import { oneLine } from './report-format';

/** The card stays well inside Teams' size limit; the downloads hold every text. */
const SHOWN_TEXTS = 20;
const SHOWN_LENGTH = 300;

/** The total, or what counts and how many handovers' small rests are left out (see `learningNeedsSection`). */
function totalLines(s: LearningNeedsSection, t: Translate): string[] {
  if (s.total !== undefined) return [t('hrReport.learningNeeds.total', { count: s.total })];
  return [t('hrReport.learningNeeds.counted', { count: s.counted }), t('hrReport.learningNeeds.restsLeftOut', { count: s.restsLeftOut, min: s.minimum })];
}

/**
 * The section as lines of the readable summary: the counts, and under each theme every text in
 * its own words, one line each (the card shows only the first SHOWN_TEXTS and points here).
 */
export function learningNeedsLines(s: LearningNeedsSection, t: Translate): string[] {
  if (!s.batches) return [t('hrReport.learningNeeds.none')];
  return [
    ...totalLines(s, t),
    ...s.themes.flatMap((th) => [`- ${t(`verantwoording.learningNeed.theme.${th.theme}`)}: ${th.needs}`, ...th.texts.map((x) => `  - “${oneLine(x)}”`)]),
    ...(s.themesHidden ? [t('hrReport.learningNeeds.hidden', { min: s.minimum })] : []),
  ];
}

/** L&O answers the learning needs with an offer per theme (in HR's own chat only, as `aanbod`). */
function toOffer(t: Translate, language: Language): Element {
  return actionSet([execute(t('loOffer.open'), 'openLoOffers', { language }, { associatedInputs: 'none' })]);
}

/**
 * L&O's view: themes and counts from the minimum up, and texts only where enough people chose the
 * theme. `textLength`: the texts shorter still, when the whole report card must fit (hr-report.card).
 */
export function learningNeedsSectionCard(s: LearningNeedsSection, t: Translate, language: Language, textLength = Infinity): Element[] {
  const title = textBlock(t('hrReport.learningNeeds.title'), { weight: 'Bolder', spacing: 'Medium' });
  if (!s.batches) return [title, subtle(t('hrReport.learningNeeds.none')), toOffer(t, language)];
  return [title, ...learningNeedsFigures(s, t, textLength), toOffer(t, language)];
}

/**
 * The section's figures and words (of at least one handover), as the report shows them: also the
 * weekly card to L&O (stop 51) shows one handover through this, so it shows what the report may.
 */
export function learningNeedsFigures(s: LearningNeedsSection, t: Translate, textLength = Infinity): Element[] {
  const out: Element[] = [];
  const [first, ...more] = totalLines(s, t);
  out.push(textBlock(first!, { spacing: 'Small' }), ...more.map((line) => subtle(line)));
  if (s.themes.length) out.push(factSet(s.themes.map((th) => ({ title: t(`verantwoording.learningNeed.theme.${th.theme}`), value: String(th.needs) }))));
  // Never how many: with the shown themes that named the others by elimination (found in review, stop 54).
  if (s.themesHidden) out.push(subtle(t('hrReport.learningNeeds.hidden', { min: s.minimum })));
  let shown = 0;
  for (const th of s.themes) {
    const texts = th.texts.slice(0, Math.max(0, SHOWN_TEXTS - shown));
    if (!texts.length) continue;
    shown += texts.length;
    out.push(subtle(t('hrReport.learningNeeds.inTheirWords', { theme: t(`verantwoording.learningNeed.theme.${th.theme}`) })), ...texts.map((x) => plainText(`“${truncate(x, Math.min(SHOWN_LENGTH, textLength))}”`)));
  }
  // As every section that cuts: how many texts are left out, and where they are.
  const leftOut = s.themes.reduce((sum, th) => sum + th.texts.length, 0) - shown;
  if (leftOut > 0) out.push(subtle(t('hrReport.learningNeeds.moreTexts', { count: leftOut })));
  out.push(subtle(t('hrReport.learningNeeds.rule', { min: s.minimum })));
  return out;
}

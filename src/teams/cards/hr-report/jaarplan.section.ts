import { Language } from '../../../domain/framework/framework';
import { JaarplanSection } from '../../../domain/hr-report/jaarplan';
import { Translate } from '../../../i18n/i18n';
import { Element, subtle, textBlock } from '../card-kit';
import { reportDate, reportNumber } from './report-format';

/**
 * The year's Jaarplan lines, as the card and the readable summary say them: per indicator with a
 * target, "12 van 40 Vitale Weekcycli (30%)"; without targets, one line on how HR sets them.
 */
export function jaarplanLines(section: JaarplanSection, t: Translate, language: Language): { title?: string; lines: string[]; rule?: string } {
  if (!section.indicators.length) return { lines: [t('jaarplan.report.noTargets', { year: String(section.year) })] };
  return {
    // A year still ahead (a period ending next year): nothing achieved yet, said as of today.
    title: t(section.notStarted ? 'jaarplan.report.titleNotStarted' : 'jaarplan.report.title', { year: String(section.year), through: reportDate(section.through, language) }),
    lines: section.indicators.map((i) =>
      t(`jaarplan.report.${i.indicator}`, { count: i.target, realised: reportNumber(i.realised, language), percent: reportNumber(Math.round((i.realised / i.target) * 100), language) }),
    ),
    rule: t('jaarplan.report.rule'),
  };
}

/** The report card's Jaarplan section (absent where no plan store is composed). */
export function jaarplanSectionCard(section: JaarplanSection | undefined, t: Translate, language: Language): Element[] {
  if (!section) return [];
  const { title, lines, rule } = jaarplanLines(section, t, language);
  if (!title) return [subtle(lines[0]!)];
  return [textBlock(title, { weight: 'Bolder', spacing: 'Medium' }), ...lines.map((line) => textBlock(`- ${line}`, { spacing: 'None' })), ...(rule ? [subtle(rule)] : [])];
}

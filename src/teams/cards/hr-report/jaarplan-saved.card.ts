import { momentsOf } from '../../../domain/hr-report/half-year';
import { Jaarplan, JAARPLAN_INDICATORS } from '../../../domain/hr-report/jaarplan';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, factSet, heading, subtle } from '../card-kit';

/** What HR sees after a save: the year's targets and half-yearly months as stored, and the way back to the form (in the same language). */
export function jaarplanSavedCard(plan: Pick<Jaarplan, 'year' | 'targets' | 'moments'>, t: Translate, language?: Locale): AdaptiveCardJson {
  const [first, second] = momentsOf(plan);
  return adaptiveCard(
    [
      heading(t('jaarplan.savedTitle', { year: String(plan.year) })),
      factSet([
        ...JAARPLAN_INDICATORS.map((i) => ({ title: t(`jaarplan.fields.${i}`), value: plan.targets[i] === undefined ? t('jaarplan.noTarget') : String(plan.targets[i]) })),
        { title: t('jaarplan.moments.saved'), value: t('jaarplan.moments.both', { first: t(`jaarplan.moments.month.${first}`), second: t(`jaarplan.moments.month.${second}`) }) },
      ]),
      subtle(t('jaarplan.savedNext', { year: String(plan.year) })),
    ],
    [execute(t('jaarplan.change'), 'openJaarplan', { year: plan.year, ...(language ? { language } : {}) }, { associatedInputs: 'none' })],
  );
}

import { MOMENT_FIELDS, momentsOf } from '../../../domain/hr-report/half-year';
import { Jaarplan, JAARPLAN_INDICATORS, JAARPLAN_TARGET_MAX, JAARPLAN_TARGET_MIN } from '../../../domain/hr-report/jaarplan';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, Element, execute, heading, refusalNotice, submittedInput, submittedNumber, subtle, textBlock, withFieldError } from '../card-kit';

/** The form drawn again after a refusal: what was sent, the reason per input id, and whether another save came first. */
export interface RefusedJaarplan {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  changedMeanwhile: boolean;
}

export interface JaarplanFormView {
  year: number;
  /** This year and the next: the form opens the other one with a button. */
  years: [number, number];
  /** The plan stored for the year, if any: its targets fill the form, its revision travels with the save. */
  plan?: Jaarplan;
  /** New each time the form is drawn: Teams delivering the save again stores once. */
  key: string;
  /** The language the form speaks, carried by its buttons: the save answers in it (an English command word's). */
  language?: Locale;
  /** The year asked for when it is over: this form is for `year` (this year) instead, and says so next to it. */
  yearOver?: number;
  refused?: RefusedJaarplan;
}

/**
 * HR's form for a year's Jaarplan Duurzaam leren targets: one optional whole number per indicator,
 * and the half-yearly rhythm's two months (talentontwikkelgesprekken, account to the board).
 * A refused form keeps every input as sent, with the reason under its field; when another save
 * came first, each field also says what is stored now, and the save names that revision, so
 * pressing again keeps this input knowingly. A form of a year that ended while it was open comes
 * back for this year, its inputs kept and why under the year; each field also says what this
 * year's plan holds now, so saving over it is a choice.
 */
export function jaarplanFormCard(vm: JaarplanFormView, t: Translate): AdaptiveCardJson {
  const stored = vm.plan?.targets ?? {};
  const refused = vm.refused;
  // What would be saved over: after another save, or when the inputs of last year's form land on this year's plan.
  const showStored = !!refused && (refused.changedMeanwhile || (vm.yearOver !== undefined && !!vm.plan));
  const fields: Element[] = JAARPLAN_INDICATORS.flatMap((field) => {
    const value = refused ? submittedNumber(refused.values, field) : stored[field];
    const max = JAARPLAN_TARGET_MAX[field];
    return [
      ...withFieldError(
        {
          type: 'Input.Number',
          id: field,
          label: t(`jaarplan.fields.${field}`),
          placeholder: t('jaarplan.placeholder'),
          min: JAARPLAN_TARGET_MIN,
          max,
          errorMessage: t('jaarplan.reason.range', { min: JAARPLAN_TARGET_MIN, max }),
          ...(value === undefined ? {} : { value }),
        },
        refused?.errors[field],
      ),
      ...(showStored ? [subtle(t('jaarplan.stored', { value: stored[field] === undefined ? t('jaarplan.noTarget') : String(stored[field]) }))] : []),
    ];
  });
  // The half-yearly rhythm's two months: as sent on a refused form, else stored, else June and December.
  const storedMoments = momentsOf(vm.plan);
  const months = Array.from({ length: 12 }, (_, i) => ({ title: t(`jaarplan.moments.month.${i + 1}`), value: String(i + 1) }));
  const moments: Element[] = [
    textBlock(t('jaarplan.moments.intro'), { spacing: 'Medium' }),
    ...MOMENT_FIELDS.flatMap((field, i) =>
      withFieldError(
        { type: 'Input.ChoiceSet', id: field, label: t(`jaarplan.moments.${field}`), style: 'compact', choices: months, value: (refused && submittedInput(refused.values, field)) ?? String(storedMoments[i]) },
        refused?.errors[field],
      ),
    ),
    ...(showStored ? [subtle(t('jaarplan.moments.stored', { first: t(`jaarplan.moments.month.${storedMoments[0]}`), second: t(`jaarplan.moments.month.${storedMoments[1]}`) }))] : []),
  ];
  const other = vm.years.find((y) => y !== vm.year)!;
  const notice = refused ? [refusalNotice(refusedNotice(vm, refused, t))] : vm.yearOver !== undefined ? [refusalNotice(t('jaarplan.yearOver.open', { year: String(vm.yearOver), next: String(vm.year) }))] : [];
  const language = vm.language ? { language: vm.language } : {};
  return adaptiveCard(
    [
      heading(t('jaarplan.title', { year: String(vm.year) })),
      textBlock(t('jaarplan.intro', { year: String(vm.year) })),
      // Next to the year: why this is not the year asked for, or why nothing was saved.
      ...notice,
      ...fields,
      ...moments,
      actionSet([execute(t('jaarplan.otherYear', { year: String(other) }), 'openJaarplan', { year: other, ...language }, { associatedInputs: 'none' })]),
    ],
    [execute(t('jaarplan.save'), 'saveJaarplan', { year: vm.year, rev: vm.plan?.revision ?? 0, k: vm.key, ...language }, { style: 'positive' })],
  );
}

/** Why the refused form was not saved: its year ended (the reason under `year`), another save came first, or a field's reason. */
function refusedNotice(vm: JaarplanFormView, refused: RefusedJaarplan, t: Translate): string {
  if (refused.errors.year) return refused.errors.year;
  return refused.changedMeanwhile ? t('jaarplan.changedMeanwhile', { year: String(vm.year) }) : t('jaarplan.notSaved');
}

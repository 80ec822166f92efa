import { randomUUID } from 'node:crypto';
import { GROUP_NAME_MAX, GroupSettings, Member } from '../../domain/week-cycle/group';
import { cutWhole, unitCeiling } from '../../domain/shared/text';
import { Translate } from '../../i18n/i18n';
import { VERBS, VerbData } from '../verbs';
import { adaptiveCard, AdaptiveCardJson, container, Element, execute, factSet, Input, heading, plainText, refusalNotice, holding, submittedInput, submittedNumber, submittedText, textBlock, withFieldError } from './card-kit';
import { firstCardThatFits } from './card-size';
import { RefusedForm } from '../features/week-cycle/refusal-forms';

/** The zones a form offers besides the one it starts from (the group's or the organisation's). */
const TIME_ZONES = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/Paramaribo', 'America/Curacao', 'UTC'];

/** The time zones to choose from: `current` first, then the others. */
export function timeZoneChoices(current: string): string[] {
  return [current, ...TIME_ZONES.filter((z) => z !== current)];
}

export interface GroupSetupView {
  roster: Member[];
  /** The settings stored now (or a new group's defaults), and their revision (0: no group yet). */
  current: GroupSettings;
  rev: number;
}

/** The settings a form shows, in its inputs' own form: what the save sends back as `shown`. */
type Shown = NonNullable<VerbData<'saveSetup'>['shown']>;

function shownOf(s: GroupSettings): Shown {
  return { name: s.name, members: s.members.map((m) => m.id).join(','), days: s.schedule.days.join(','), startTime: s.schedule.startTime, timeZone: s.schedule.timeZone, language: s.language, weeks: s.plannedWeeks };
}

const ids = (csv: string) => csv.split(',').map((v) => v.trim()).filter((v) => v !== '');
/** A multi-select's value compared as a set: Teams may send the choices in another order. */
const sameChoice = (a: string, b: string) => [...new Set(ids(a))].sort().join(',') === [...new Set(ids(b))].sort().join(',');

/**
 * The inputs after a save refused because the settings changed meanwhile: what the presser
 * changed on their form stays theirs, the rest shows what is stored now. Saving again then writes
 * their change over the stored settings, now seen, and leaves the others' changes in place.
 */
function keptOverStored(values: Record<string, unknown>, was: Shown, now: Shown): Record<string, string> {
  const text = (id: Exclude<keyof Shown, 'weeks'>) => {
    const mine = submittedText(values, id);
    const changed = mine !== undefined && (id === 'members' || id === 'days' ? !sameChoice(mine, was[id]) : mine !== was[id]);
    return changed ? mine : now[id];
  };
  const mineMembers = ids(submittedText(values, 'members') ?? was.members);
  const taken = ids(was.members).filter((m) => !mineMembers.includes(m));
  const added = mineMembers.filter((m) => !ids(was.members).includes(m));
  const members = [...new Set([...ids(now.members).filter((m) => !taken.includes(m)), ...added])].join(',');
  const weeks = submittedNumber(values, 'weeks');
  return { name: text('name'), members, days: text('days'), startTime: text('startTime'), timeZone: text('timeZone'), language: text('language'), weeks: String(weeks !== undefined && weeks !== was.weeks ? weeks : now.weeks) };
}

/** What is stored now, read only, above a form whose save it beat (as the Prof-traject card shows it). */
function storedNow(s: GroupSettings, t: Translate): Element {
  return container(
    [
      textBlock(t('setup.storedNow'), { weight: 'Bolder' }),
      textBlock(t('setup.name'), { size: 'Small', weight: 'Bolder' }),
      plainText(s.name),
      textBlock(t('setup.membersNow'), { size: 'Small', weight: 'Bolder' }),
      plainText(s.members.map((m) => m.name).join(', ')),
      factSet([
        { title: t('setup.days'), value: s.schedule.days.map((d) => t(`weekday.${d}`)).join(', ') },
        { title: t('setup.startTime'), value: s.schedule.startTime },
        { title: t('setup.timeZone'), value: s.schedule.timeZone },
        { title: t('setup.language'), value: s.language === 'en' ? 'English' : 'Nederlands' },
        { title: t('setup.weeks'), value: String(s.plannedWeeks) },
      ]),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * How long a roster name may be as a member's choice, longest first: a roster of 200 (MAX_ROSTER)
 * with names as long as Teams allows (256 characters) made a form Teams refuses. Cut between
 * graphemes ("…"); only the title: the choice's value is the person's id, and their name is stored
 * from the roster.
 */
const CHOICE_TITLE_STEPS = [80, 48, 32] as const;

/**
 * A name of at most `max` code units, cut in its middle ("start…end") between graphemes: names in
 * a large organisation often share a long start (a department before the person's own name), so
 * the end is what tells them apart.
 */
function cutInMiddle(name: string, max: number): string {
  if (name.length <= max) return name;
  const head = cutWhole(name, Math.floor((max - 1) / 2));
  const tailFrom = name.length - (max - 1 - head.length);
  // The tail starts where a grapheme starts (a whole start ends there), at or after tailFrom:
  // never half an emoji or a letter without its accent.
  let start = tailFrom;
  while (start < name.length && cutWhole(name, start).length !== start) start++;
  return `${head}…${name.slice(start)}`;
}

/**
 * The members' choice titles: each name cut to `max` in its middle; titles still alike (names that
 * differ only in the part cut away, or the very same name twice) get a number each, so the setter
 * can tell the choices apart.
 */
function choiceTitles(roster: readonly Member[], max: number): string[] {
  const titles = roster.map((m) => cutInMiddle(m.name, max));
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  const seen = new Map<string, number>();
  return titles.map((title) => {
    if (counts.get(title)! < 2) return title;
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return `${title} (${n})`;
  });
}

/**
 * Setup of a group: name, members from the chat's roster, session days, time, language, weeks.
 * After a refused save it comes back with what was entered and the reason next to the field.
 * The save carries the revision and settings the form showed (see VERBS.saveSetup): after a
 * refusal for a field it keeps those it was opened on, so a change elsewhere is still seen; after
 * "changed meanwhile" it stands on what is stored now, which the card then shows.
 */
export function groupSetupCard(view: GroupSetupView, t: Translate, refused?: RefusedForm): AdaptiveCardJson {
  return firstCardThatFits(CHOICE_TITLE_STEPS, (titleMax) => setupCardWith(view, t, refused, titleMax)).card;
}

function setupCardWith(view: GroupSetupView, t: Translate, refused: RefusedForm | undefined, titleMax: number): AdaptiveCardJson {
  const { current } = view;
  const now = shownOf(current);
  // What the refused save said its form showed; checked again, as a refused payload may hold anything.
  const sent = VERBS.saveSetup.data.shape.shown.safeParse(refused?.values.shown);
  const sentShown = sent.success ? sent.data : undefined;
  const conflict = refused?.changedMeanwhile === true;
  const kept = conflict ? keptOverStored(refused.values, sentShown ?? now, now) : undefined;
  const base = refused && !conflict && sentShown ? { rev: submittedNumber(refused.values, 'rev') ?? 0, shown: sentShown } : { rev: view.rev, shown: now };
  const zones = timeZoneChoices(current.schedule.timeZone);
  const value = (id: string, fallback: string) => kept?.[id] ?? submittedInput(refused?.values, id) ?? fallback;
  const err = (id: string) => refused?.errors[id];
  const field = (input: Input) => withFieldError(input, err(String(input.id)));
  return adaptiveCard(
    [
      heading(t('setup.title')),
      ...(conflict ? [refusalNotice(t('setup.changedMeanwhile')), storedNow(current, t)] : refused ? [refusalNotice(t(refused.partlySaved ? 'setup.partlySaved' : 'weekCycleForm.notice'))] : []),
      textBlock(t('setup.intro')),
      ...field({ type: 'Input.Text', id: 'name', label: t('setup.name'), ...holding(unitCeiling(GROUP_NAME_MAX), value('name', current.name)), isRequired: true, errorMessage: t('setup.nameError') }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'members',
        label: t('setup.members'),
        isMultiSelect: true,
        style: 'expanded',
        choices: choiceTitles(view.roster, titleMax).map((title, i) => ({ title, value: view.roster[i]!.id })),
        value: value('members', current.members.map((m) => m.id).join(',')),
        isRequired: true,
        errorMessage: t('setup.membersError'),
      }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'days',
        label: t('setup.days'),
        isMultiSelect: true,
        style: 'expanded',
        choices: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: t(`weekday.${d}`), value: String(d) })),
        value: value('days', current.schedule.days.join(',')),
        isRequired: true,
        errorMessage: t('setup.daysError'),
      }),
      ...field({ type: 'Input.Time', id: 'startTime', label: t('setup.startTime'), value: value('startTime', current.schedule.startTime), isRequired: true, errorMessage: t('weekCycleForm.startTime') }),
      ...field({ type: 'Input.ChoiceSet', id: 'timeZone', label: t('setup.timeZone'), choices: zones.map((z) => ({ title: z, value: z })), value: value('timeZone', current.schedule.timeZone) }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'language',
        label: t('setup.language'),
        choices: [
          { title: 'Nederlands', value: 'nl' },
          { title: 'English', value: 'en' },
        ],
        value: value('language', current.language),
      }),
      ...field({ type: 'Input.Number', id: 'weeks', label: t('setup.weeks'), min: 1, max: 52, ...optionalValue(keptNumber(value('weeks', String(current.plannedWeeks)))), isRequired: true, errorMessage: t('setup.weeksError') }),
    ],
    [execute(t('setup.save'), 'saveSetup', { ...base, k: randomUUID() }, { style: 'positive' })],
  );
}

/**
 * A number input as the person typed it (a refused 0 stays 0, so a second press does not save
 * another value). Blank, or what an Input.Number cannot show ("veel", "1,5"): empty, never the
 * stored or default weeks, which a second press would save unseen. The field is required, so the
 * person chooses, with the reason (what they typed) next to it.
 */
function keptNumber(raw: string): number | undefined {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

const optionalValue = (n: number | undefined) => (n === undefined ? {} : { value: n });

import { stringify } from 'csv-stringify/sync';
import { HrReport, MIN_WEEK_ATTENDANCE } from '../../domain/hr-report/report';
import { Language } from '../../domain/framework/framework';
import { Translate } from '../../i18n/i18n';
import { oneLine, reportAverage, reportDate, reportWeek } from '../../teams/cards/hr-report/report-format';
import { facilitationCsvRows, facilitationSummaryLines } from './facilitation-rows';
import { adoptionHeadline, loAnswerHeading, outcomeText, sharedWithLoText } from '../../teams/cards/hr-report/adoption.section';
import { learningNeedsLines } from '../../teams/cards/hr-report/learning-needs.section';
import { jaarplanLines } from '../../teams/cards/hr-report/jaarplan.section';

/** The report as CSV: one row per figure, so a spreadsheet reads it without guessing a layout. */
export function reportCsv(report: HrReport): string {
  const rows: (string | number)[][] = [['section', 'key', 'metric', 'value']];
  const add = (section: string, key: string, metric: string, value: number | undefined) => rows.push([section, key, metric, value === undefined ? '' : value]);
  add('period', `${report.period.from}..${report.period.to}`, 'days', undefined);
  add('totals', '', 'groupsActive', report.groupsActive);
  add('totals', '', 'sessionsHeld', report.sessionsHeld);
  add('totals', '', 'learningHours', report.learningHours);
  add('totals', '', 'proposalsMade', report.proposalsMade);
  add('totals', '', 'proposalsValidated', report.proposalsValidated);
  add('totals', '', 'proposalsRejected', report.proposalsRejected);
  // The year's Jaarplan targets: realised so far (organisation totals) and the target, per indicator with one.
  if (report.jaarplan?.indicators.length) rows.push(['jaarplan', String(report.jaarplan.year), 'realisedThrough', report.jaarplan.through]);
  for (const i of report.jaarplan?.indicators ?? []) {
    add('jaarplan', String(report.jaarplan!.year), `${i.indicator}Realised`, i.realised);
    add('jaarplan', String(report.jaarplan!.year), `${i.indicator}Target`, i.target);
  }
  for (const w of report.energy) {
    add('energy', w.week, 'answers', w.answers);
    add('energy', w.week, 'averageIn', w.averageIn);
    add('energy', w.week, 'averageOut', w.averageOut);
  }
  for (const team of report.b3) {
    for (const poll of team.polls) {
      const key = `${team.team} ${poll.closedOn}`;
      add('b3', key, 'respondents', poll.respondents);
      add('b3', key, 'boeien', poll.scores?.boeien);
      add('b3', key, 'binden', poll.scores?.binden);
      add('b3', key, 'behouden', poll.scores?.behouden);
    }
  }
  rows.push(...facilitationCsvRows(report));
  adoptionRows(report, rows);
  learningNeedRows(report, rows);
  // Members and managers type group names, proposals and notes; HR opens the file in Excel, which
  // runs a cell starting with = + - @ as a formula (CSV injection): such text gets a leading '.
  return stringify(rows, { escape_formulas: true });
}

/** Transfer to practice: the figures, then one row per fact of each adopted proposal (keyed by group and decision date). */
function adoptionRows(report: HrReport, rows: (string | number)[][]): void {
  const a = report.adoption;
  rows.push(['adoption', '', 'adopted', a.adopted], ['adoption', '', 'lookedBack', a.lookedBack], ['adoption', '', 'firstStepTaken', a.taken], ['adoption', '', 'firstStepTakenPercent', a.takenShare ?? '']);
  for (const g of a.groups) {
    for (const p of g.proposals) {
      const key = `${g.groupName} ${p.decidedOn}`;
      rows.push(
        ['adoptedProposal', key, 'verdict', p.verdict],
        ['adoptedProposal', key, 'proposal', p.text],
        // The AI's draft adopted as it is: never the group's own words without saying so.
        ['adoptedProposal', key, 'draftedByAi', p.aiAdopted ? 'true' : 'false'],
        // The group's own words, made from an AI draft.
        ['adoptedProposal', key, 'adaptedFromAiDraft', p.aiAdapted ? 'true' : 'false'],
        ['adoptedProposal', key, 'firstStepOutcome', p.outcome?.status ?? ''],
        // The share with L&O: the day (empty when not shared), L&O's latest answer and its day (empty when none).
        ['adoptedProposal', key, 'sharedWithLoOn', p.lo?.sharedOn ?? ''],
        ['adoptedProposal', key, 'loAnswer', p.lo?.answer?.text ?? ''],
        ['adoptedProposal', key, 'loAnsweredOn', p.lo?.answer?.on ?? ''],
      );
    }
  }
}

/** Learning needs for L&O: only what the card shows (themes from the minimum up, texts where allowed). */
function learningNeedRows(report: HrReport, rows: (string | number)[][]): void {
  const s = report.learningNeeds;
  if (!s) return;
  // As the card: what could be counted, and in how many handovers a rest of too few people was left out.
  rows.push(
    ['learningNeeds', '', 'total', s.total ?? ''],
    ['learningNeeds', '', 'counted', s.counted],
    ['learningNeeds', '', 'restsLeftOut', s.restsLeftOut],
    // Whether themes too few chose are counted unnamed, never how many (stop 54).
    ['learningNeeds', '', 'themesHidden', s.themesHidden ? 'true' : 'false'],
  );
  for (const th of s.themes) {
    rows.push(['learningNeeds', th.theme, 'needs', th.needs]);
    for (const text of th.texts) rows.push(['learningNeedText', th.theme, 'text', text]);
  }
}

/** The Jaarplan block of the summary: its title, a line per target and the rule; or how to set targets. */
function jaarplanSummaryLines(report: HrReport, t: Translate, language: Language): string[] {
  if (!report.jaarplan) return [];
  const { title, lines, rule } = jaarplanLines(report.jaarplan, t, language);
  return [...(title ? [title] : []), ...lines.map((line) => (title ? `- ${line}` : line)), ...(rule ? [rule] : []), ''];
}

/** The share with L&O on the proposal's own line: " · Gedeeld met L&O op …" and L&O's answer as one line; nothing when not shared. */
function loSummary(p: HrReport['adoption']['groups'][number]['proposals'][number], t: Translate, language: Language): string {
  const shared = sharedWithLoText(p, t, language);
  if (!shared) return '';
  const answer = p.lo!.answer;
  return ` · ${shared}${answer ? ` · ${loAnswerHeading(p, t, language)} ${oneLine(answer.text)}` : ''}`;
}

/** A readable summary for the board (plain text), in the report's language. */
export function reportSummary(report: HrReport, t: Translate, language: Language): string {
  const lines = [
    t('hrReport.title', { from: reportDate(report.period.from, language), to: reportDate(report.period.to, language) }),
    '',
    t('hrReport.summary.totals', {
      groups: t('hrReport.summary.groupsHeld', { count: report.groupsActive }),
      sessions: t('hrReport.summary.sessions', { count: report.sessionsHeld }),
      hours: t('hrReport.summary.learningHours', { count: report.learningHours }),
    }),
    t('hrReport.summary.proposals', { made: t('hrReport.summary.made', { count: report.proposalsMade }), validated: report.proposalsValidated, rejected: report.proposalsRejected }),
    t('hrReport.wholeWeeks', { min: MIN_WEEK_ATTENDANCE }),
    '',
    ...jaarplanSummaryLines(report, t, language),
    t('hrReport.energy'),
    ...(report.energy.length
      ? report.energy.map((w) => `- ${reportWeek(w.week, t)}: ${reportAverage(w.averageIn, t, language)} / ${reportAverage(w.averageOut, t, language)}`)
      : [`- ${t('hrReport.none')}`]),
    '',
    t('hrReport.b3'),
    // A team's Teams name is typed too: one line of its own, see oneLine.
    ...(report.b3.length
      ? report.b3.flatMap((team) => team.polls.map((p) => `- ${oneLine(team.team)}, ${reportDate(p.closedOn, language)}: ${p.scores ? t('hrReport.b3Scores', p.scores) : t('hrReport.tooFew')}`))
      : [`- ${t('hrReport.none')}`]),
    '',
    ...facilitationSummaryLines(report, t),
    t('hrReport.adoption.title'),
    adoptionHeadline(report.adoption, t),
    // One line per proposal, whatever the group typed: see oneLine.
    ...report.adoption.groups.flatMap((g) =>
      g.proposals.map((p) => `- ${oneLine(g.groupName)}, ${reportDate(p.decidedOn, language)}: ${p.aiAdopted ? `${t('hrReport.adoption.adoptedAi')}: ` : p.aiAdapted ? `${t('hrReport.adoption.adaptedFromAi')}: ` : ''}${oneLine(p.text)} (${t('hrReport.adoption.firstStep')}: ${outcomeText(p, t)})${loSummary(p, t, language)}`),
    ),
    '',
    ...(report.learningNeeds ? [t('hrReport.learningNeeds.title'), ...learningNeedsLines(report.learningNeeds, t), ''] : []),
    t('hrReport.anonymity'),
  ];
  return `${lines.join('\n')}\n`;
}

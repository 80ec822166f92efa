import { randomBytes } from 'node:crypto';
import { GraphDirectory } from '../../directory/graph-directory';
import { ListDirectory } from '../../directory/list-directory';
import { DirectoryPort } from '../../domain/directory/directory.port';
import { TeamMirrorNotice } from '../../domain/pulse-poll/ports';
import { loadInstruments } from '../../pulse-poll/load-instruments';
import { CosmosPersonalRecordRepository } from '../../store/verantwoording.repositories';
import { CosmosInstallationRepository, CosmosLegacyAnswerRepository, CosmosPollRepository, CosmosPollStartLease, CosmosTallyRepository, CosmosTeamPollLocks } from '../../store/pulse-poll.repositories';
import { RememberedPolls } from '../../usecases/pulse-poll/remembered-polls';
import { registerPulsePoll } from '../../teams/features/pulse-poll/register';
import { POLL_HOOKS, pollCardListing, TeamsPollNotifier } from '../../teams/features/pulse-poll/teams-poll-notifier';
import { TeamsRoster } from '../../teams/features/pulse-poll/teams-roster';
import { PulsePollDeps } from '../../usecases/pulse-poll/deps';
import { migrateLegacyPolls } from '../../usecases/pulse-poll/tally';
import { holidayCalendar } from '../../domain/week-cycle/holidays';
import { Platform } from '../platform';

const GRAPH = 'https://graph.microsoft.com';

const directories = new WeakMap<Platform, DirectoryPort>();

/**
 * Graph in Azure (or where GRAPH_BASE_URL points); fixed lists when running locally. One per app,
 * shared by the features that ask it (one cache): the pulse poll's HR check, and the cards HR gets
 * by name (see hr-people.ts).
 */
export function directoryFor(p: Platform): DirectoryPort {
  const known = directories.get(p);
  if (known) return known;
  const base = p.config.pulsePoll.graphBaseUrl ?? (p.config.bot.mode === 'local' ? undefined : GRAPH);
  if (!base && p.config.pulsePoll.hr.groupId) p.logger.warn('HR_GROUP_ID is set but Microsoft Graph is not used locally: only HR_USER_IDS count as HR');
  const directory = base ? new GraphDirectory(base, p.logger) : new ListDirectory();
  directories.set(p, directory);
  return directory;
}

/** B3-spiegel pulse polls: repositories, directory, roster and notifier, and the Teams handlers; `teamGroups` hear of a team's mirror. */
export function composePulsePoll(p: Platform, teamGroups?: TeamMirrorNotice): PulsePollDeps {
  const cfg = p.config.pulsePoll;
  const instruments = loadInstruments();
  let hashKey = cfg.hashKey;
  if (!hashKey) {
    hashKey = randomBytes(32).toString('base64url');
    p.logger.warn('POLL_HASH_KEY is not set: using a random key for this process; who answered a poll is forgotten on restart (set it with Azure Cosmos DB)');
  }
  if (!cfg.hr.userIds.length && !cfg.hr.groupId) p.logger.warn('HR_USER_IDS and HR_GROUP_ID are empty: nobody can start a B3-spiegel poll');
  const roster = new TeamsRoster(p.connector, p.outbox.limiter, p.logger);
  const notifier = new TeamsPollNotifier(p.outbox, p.translator, instruments, () => p.clock.now());
  p.outbox.keepOlderForm(POLL_HOOKS.cardPosted, pollCardListing);
  const polls = new CosmosPollRepository(p.cosmos);
  const pulse: PulsePollDeps = {
    polls,
    pollsForAnswers: new RememberedPolls(polls),
    tallies: new CosmosTallyRepository(p.cosmos, p.tallyWriteBudgetMs),
    legacy: new CosmosLegacyAnswerRepository(p.cosmos),
    locks: new CosmosTeamPollLocks(p.cosmos),
    startLease: new CosmosPollStartLease(p.cosmos),
    installations: new CosmosInstallationRepository(p.cosmos),
    roster,
    notifier,
    ...(teamGroups ? { teamGroups } : {}),
    directory: directoryFor(p),
    starters: {
      records: new CosmosPersonalRecordRepository(p.cosmos),
      ...(p.saveWindowMs !== undefined ? { saveWindowMs: p.saveWindowMs } : {}),
      ...(p.windowClock ? { windowClock: p.windowClock } : {}),
    },
    outbox: p.outbox,
    scheduler: p.scheduler,
    clock: p.clock,
    hashKey,
    hr: cfg.hr,
    minRespondents: cfg.minRespondents,
    reminderPoints: cfg.reminderPoints,
    holidays: holidayCalendar(p.config.rhythm.holidayRegion),
    timeZone: p.config.orgTimeZone,
    defaultLanguage: p.config.defaultLanguage,
  };
  registerPulsePoll(p.app, p.scheduler, p.outbox, {
    pulse,
    notifier,
    roster,
    instruments,
    translator: p.translator,
    logger: p.logger,
    background: p.background,
    actions: p.actions,
    messenger: p.messenger,
    defaultLanguage: p.config.defaultLanguage,
  });
  // Polls stored before tallies: fold their separate answer documents into a tally and delete them.
  p.background.run('pulse.migrate', async () => {
    const migrated = await migrateLegacyPolls(pulse);
    if (migrated) p.logger.info({ migrated }, 'B3-spiegel polls moved to one tally each; their separate answer documents are deleted');
  });
  return pulse;
}

import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import { InputRule, isDomainError, RefusedField } from '../../domain/shared/errors';
import { cleanJson, emptyIfNothingShows, lengthAgainst } from '../../domain/shared/text';
import { Locale } from '../../i18n/i18n';
import enTexts from '../../i18n/locales/en/verantwoording.json';
import nlTexts from '../../i18n/locales/nl/verantwoording.json';
import type { Logger } from '../../log/logger';
import { VerantwoordingDeps } from '../../usecases/verantwoording/deps';
import { exportMyData, tryEraseMyData } from '../../usecases/verantwoording/my-data';
import { addNote, deleteNote, editNote, getNote } from '../../usecases/verantwoording/notes';
import { buildOverview, VerantwoordingOverview } from '../../usecases/verantwoording/overview';
import { getProfTraject, saveProfTraject } from '../../usecases/verantwoording/prof-traject';
import { correctTimeUsed, getTimeUsed } from '../../usecases/verantwoording/time-used';
import { MAX_HOURS_PER_CYCLE } from '../../domain/verantwoording/time-used';
import { MAX_NOTE_LENGTH } from '../../domain/verantwoording/accountability-note';
import { MAX_TRAJECT_TEXT } from '../../domain/verantwoording/prof-traject';
import { setVisibility } from '../../usecases/verantwoording/visibility';
import { SHARED_SINCE_SHOWN, TEXT_CHANGED_SINCE_SHOWN, visibilityRevOf } from '../../domain/verantwoording/personal-record';
import { LearningNeedDeps, myLearningNeed, myLearningNeeds, passOnLearningNeed, withdrawLearningNeed } from '../../usecases/learning-needs/learning-needs';
import { CHANGED_MEANWHILE, LEARNING_THEMES, MAX_LEARNING_NEED_TEXT } from '../../domain/learning-needs/learning-need';
import { offersForMyNeeds } from '../../usecases/learning-needs/lo-offers';
import { DEV_USER_ID, DevTokens, TabAuthenticator, TabAuthError, TabCaller } from './tab-auth';
import type { PutBeforeOutcome, PutBeforeStatus } from '../../usecases/talent-review/put-proposal-before-manager';
import { MAX_PROPOSAL_WORDS_LENGTH, proposalWords } from '../../domain/talent-review/proposal-to-manager';

/** Ids as Cosmos DB keeps them: never '/', '\\', '?' or '#' (the SDK throws on those). */
const id = z.string().min(1).max(200).regex(/^[^/\\?#]+$/);
const schemas = {
  addNote: z.object({ text: z.string().max(20_000), shared: z.boolean().optional(), key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional() }),
  // `visibilityRev`: the sharing's revision the tab showed beside the note. A note shared since (or
  // shared, and none sent: tabs from before) takes no new words: 409, reason `sharedSince`.
  editNote: z.object({ text: z.string().max(20_000), rev: z.number().int().min(0), visibilityRev: z.number().int().min(0).optional() }),
  // `visibilityRev`: how often the entry's sharing had changed when the tab showed it (the
  // overview's `visibilityRev`, `timeVisibilityRev`). Older than stored (a PUT sent again after the
  // person changed it back), it changes nothing. Without it (tabs from before) the change wins.
  // `rev`: the revision of the text the tab showed (a note's, the Prof-traject's): written since
  // elsewhere, or left out (tabs from before), a share is refused (409, reason `textChanged`).
  visibility: z.object({
    kind: z.enum(['note', 'answer', 'profTraject', 'time']),
    id,
    groupId: id.optional(),
    visibility: z.enum(['private', 'shared']),
    visibilityRev: z.number().int().min(0).optional(),
    rev: z.number().int().min(0).optional(),
  }),
  // A finite number in the domain's range (checkHours): never an empty field read as 0.
  // `rev`: the revision of the hours the tab showed (`timeRev`; 0: as attended). Without it (tabs
  // from before revisions) a figure of the person's own stored meanwhile is not overwritten (correctHours).
  time: z.object({ groupId: id, cycleId: id, hours: z.number().finite().min(0).max(MAX_HOURS_PER_CYCLE), rev: z.number().int().min(0).optional() }),
  // `rev`: the Prof-traject's revision the tab showed (0: none yet). Without it (tabs from before
  // revisions) the save wins whatever is stored. No phase: that field is the chat's, and is kept.
  // `visibilityRev`: as a note edit's (a shared Prof-traject takes no new words from a form that showed it otherwise).
  traject: z.object({ learningNeeds: z.string().max(20_000), talents: z.string().max(20_000), plannedWeeks: z.number().int(), rev: z.number().int().min(0).optional(), visibilityRev: z.number().int().min(0).optional() }),
  erase: z.object({ confirm: z.literal(true) }),
  signIn: z.object({ userId: z.string().regex(DEV_USER_ID) }),
  noteId: id,
  // The revision the tab showed (`?rev=`): a note edited since is not deleted unseen. Without it
  // (tabs from before) the delete goes ahead.
  deleteNote: z.object({ rev: z.coerce.number().int().min(1).optional() }),
  // `rev`: the revision of the need the tab showed (0: none passed on). Changed since (on the chat's
  // card), nothing is stored. Without it (tabs from before revisions) the change goes ahead.
  learningNeed: z.object({ theme: z.string().max(40), text: z.string().max(2000).optional(), rev: z.number().int().min(0).optional() }),
  // The same for a withdrawal (`?rev=`): a need passed on anew since is not withdrawn unseen.
  withdrawLearningNeed: z.object({ rev: z.coerce.number().int().min(0).optional() }),
  // Which proposal (`?groupId=&proposalId=`), as the overview names it.
  putBeforeIds: z.object({ groupId: id, proposalId: id }),
  // `to`: the manager the read named (the words were written for them); `key`: the page's, one per
  // form, so a retried request stores and sends once. The words' limit is the domain's (counted as
  // stored, without control characters and invisible edges), so the bound here is only a guard.
  putBefore: z.object({ groupId: id, proposalId: id, words: z.string().max(20_000).optional(), key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/), to: id }),
};

/**
 * The domain's limit of each text a schema above only guards (its bound keeps a huge paste from
 * being cleaned and counted): a paste past the guard is refused with the limit that applies, as one
 * just over it is, never the guard's own bound (found in review, stop 62).
 */
const TEXT_LIMITS = new Map<z.ZodTypeAny, Record<string, number>>([
  [schemas.addNote, { text: MAX_NOTE_LENGTH }],
  [schemas.editNote, { text: MAX_NOTE_LENGTH }],
  [schemas.traject, { learningNeeds: MAX_TRAJECT_TEXT, talents: MAX_TRAJECT_TEXT }],
  [schemas.learningNeed, { text: MAX_LEARNING_NEED_TEXT }],
  [schemas.putBefore, { words: MAX_PROPOSAL_WORDS_LENGTH }],
]);

const noteIdOf = (req: Req) => parse(schemas.noteId, req.params?.noteId);

/** An edit refused because the entry was shared since the tab showed it: said apart (`reason`), so the tab says why, not "changed elsewhere". */
const reasonOf = (detail: unknown): { reason?: 'sharedSince' } => (detail === SHARED_SINCE_SHOWN ? { reason: 'sharedSince' } : {});

// `erasureUnderway`: a change while the person's erasure is unfinished; nothing was stored (the tab says why, and offers to finish it).
const STATUS = { invalidInput: 400, notFound: 404, forbidden: 403, conflict: 409, wrongQuestionKind: 400, erasureUnderway: 409, saveTooSlow: 503 } as Record<string, number>;
const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export interface TabApiDeps {
  verantwoording: VerantwoordingDeps;
  auth: TabAuthenticator;
  /** Present only in local mode (bot authentication off). */
  devTokens?: DevTokens;
  logger: Logger;
  defaultLanguage: Locale;
  /** The organisation's time zone (ORG_TIME_ZONE): the tab dates what it shows in it, as the chat's cards do. */
  timeZone: string;
  /** "Wat ziet mijn leidinggevende?": the caller's manager's prep card as it would be today (the card JSON), or that there is no manager. */
  preview?: (userId: string, language: Locale) => Promise<{ status: 'ok'; card: unknown } | { status: 'noManager' }>;
  /** Passing learning needs on to L&O from an answer (absent: the routes answer 404). */
  learningNeeds?: LearningNeedDeps;
  /** Putting an adopted proposal before the manager, as the chat's form does (absent: the routes answer 404). */
  putBefore?: TabPutBefore;
}

/**
 * A proposal put before the manager from the tab: the chat's check and send (putBeforeStatus,
 * putProposalBeforeManager), with the chat's delivery. `read` refuses while the caller's erasure
 * is unfinished (`erasureUnderway`), as `send` does.
 */
export interface TabPutBefore {
  read(userId: string, groupId: string, proposalId: string): Promise<PutBeforeStatus>;
  /** `language`: the page's, in which what comes back to her later is told (none named: her chosen one, else the default). */
  send(userId: string, input: { groupId: string; proposalId: string; words?: string; key: string; to: string; language?: Locale }): Promise<PutBeforeOutcome>;
}

/**
 * What the tab's form shows: the manager the card goes to (the directory's now) and the proposal
 * exactly as the manager's card shows it (never the first step), and the words' limit.
 */
export type TabPutBeforeForm = Extract<PutBeforeStatus, { status: 'open' }> & { maxWords: number };

/** Why a proposal cannot be put before the manager, as the tab API's refusals say it (no id or name of anyone). */
const PUT_BEFORE_REFUSALS: Record<Exclude<PutBeforeStatus['status'], 'open'>, { status: number; error: string }> = {
  // Not one she contributed to, or ids made up: as any id of someone else's, not found.
  notYours: { status: 404, error: 'notFound' },
  notDecided: { status: 409, error: 'notDecided' },
  noManager: { status: 409, error: 'noManager' },
};

/**
 * The overview as the tab reads it (GET /api/verantwoording): the overview, and the zone its
 * instants are dated in. The zone is added beside the overview's fields, so a reader of those
 * reads them as before. `erasureUnfinished` (only when true): an erasure of the person began and
 * has not finished, so what is shown is about to go and no change is stored until it is done.
 */
export type TabOverview = VerantwoordingOverview & { timeZone: string };

type Req = restify.Request;
type Handler = (caller: TabCaller, req: Req) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>;

const EXPORT_FILE_NAMES: Record<Locale, string> = { nl: nlTexts.verantwoording.tab.exportFileName, en: enTexts.verantwoording.tab.exportFileName };

function languageOf(req: Req, fallback: Locale): Locale {
  return languageNamedBy(req) ?? fallback;
}

/** The language the page names (`?lang=`), if it names one the app speaks. */
function languageNamedBy(req: Req): Locale | undefined {
  const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  return lang === 'en' || lang === 'nl' ? lang : undefined;
}

/** Validates a body or path parameter; text arrives without control characters. A failure is a 400. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  let clean: unknown;
  try {
    clean = cleanJson(body ?? {});
  } catch {
    throw Object.assign(new Error('bad request'), { status: 400 });
  }
  const r = schema.safeParse(clean);
  if (!r.success) throw Object.assign(new Error('bad request'), { status: 400, input: refusedInput(r.error, clean, TEXT_LIMITS.get(schema)) });
  return r.data;
}

/** Inputs whose refusal always names their whole range, as the domain's own check does (checkHours). */
const RANGES: Record<string, Record<string, number>> = { hours: { min: 0, max: MAX_HOURS_PER_CYCLE } };

/** The first refused top-level input of a failed payload check, described as the domain describes one. */
function refusedInput(error: z.ZodError, clean: unknown, limits: Record<string, number> = {}): RefusedField | undefined {
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string') continue;
    const range = RANGES[field];
    if (range) return { field, rule: 'range', params: range };
    const value = clean && typeof clean === 'object' ? (clean as Record<string, unknown>)[field] : undefined;
    if (issue.code === 'too_big' && issue.type === 'string') {
      const limit = limits[field];
      // Against the domain's limit: counted as the domain and the tab's counter count (an emoji is one
      // character, up to 8 times the limit). Against the guard's own bound (in code units): in code units.
      const count = typeof value !== 'string' ? undefined : limit === undefined ? value.length : lengthAgainst(value, limit);
      return { field, rule: 'tooLong', params: { max: limit ?? Number(issue.maximum), ...(count === undefined ? {} : { count }) } };
    }
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return { field, rule: 'required' };
    if (issue.code === 'too_big' && issue.type === 'number') return { field, rule: 'range', params: { max: Number(issue.maximum) } };
    if (issue.code === 'too_small' && issue.type === 'number') return { field, rule: 'range', params: { min: Number(issue.minimum) } };
    return { field, rule: 'format' };
  }
  return undefined;
}

/**
 * What a 400 says about the refused input, so the tab can put the reason next to the field: the
 * field's name, the rule it broke and the limits, as numbers. Never what was typed.
 */
function refusalBody(input: RefusedField | undefined): { field?: string; rule?: InputRule; params?: Record<string, number> } {
  if (!input) return {};
  const params = Object.fromEntries(Object.entries(input.params ?? {}).filter(([, n]) => typeof n === 'number' && Number.isFinite(n)));
  return { field: input.field, rule: input.rule, params };
}

/**
 * The tab's JSON API. Every route authenticates first and acts as the token's user only: ids in
 * the path or body select among the caller's own records, never someone else's.
 */
export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const v = deps.verantwoording;
  const route = (method: 'get' | 'post' | 'put' | 'del', path: string, handler: Handler) => {
    server[method](path, async (req: Req, res: restify.Response) => {
      let caller: TabCaller | undefined;
      try {
        caller = await deps.auth.authenticate(req.header('authorization'));
        const out = await handler(caller, req);
        res.set({ ...API_HEADERS, ...(out.headers ?? {}) });
        res.send(out.status ?? 200, out.body);
      } catch (err) {
        res.set(API_HEADERS);
        if (err instanceof TabAuthError) {
          deps.logger.info({ path, reason: err.reason }, 'tab API: not authenticated');
          res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
          res.send(401, { error: 'unauthorized' });
        } else if (isDomainError(err)) {
          deps.logger.info({ path, code: err.code, via: caller?.via }, 'tab API: refused');
          const conflict = err.code === 'conflict' && req.params?.noteId && caller ? { note: await getNote(v, caller.userId, noteIdOf(req)).catch(() => undefined) } : {};
          res.send(STATUS[err.code] ?? 400, { error: err.code, ...reasonOf(err.detail), ...refusalBody(err.input), ...conflict });
        } else if ((err as { status?: number }).status === 400) {
          res.send(400, { error: 'invalidInput', ...refusalBody((err as { input?: RefusedField }).input) });
        } else {
          deps.logger.error({ path, err: (err as Error).message, stack: (err as Error).stack }, 'tab API failed');
          res.send(500, { error: 'unexpected' });
        }
      }
    });
  };

  route('get', '/api/verantwoording', async (caller, req) => {
    // The erasure's ticket is one of the person's records: the overview's read of them finds it.
    const overview = await buildOverview(v, caller.userId, languageOf(req, deps.defaultLanguage));
    // The device's zone is not the organisation's (a VDI in UTC, someone travelling): the tab dates in this one.
    const body: TabOverview = { ...overview, timeZone: deps.timeZone };
    return { body };
  });
  route('get', '/api/verantwoording/preview', async (caller, req) => {
    if (!deps.preview) return { status: 404, body: { error: 'notFound' } };
    return { body: await deps.preview(caller.userId, languageOf(req, deps.defaultLanguage)) };
  });
  route('post', '/api/verantwoording/notes', async (caller, req) => {
    const input = parse(schemas.addNote, req.body);
    return { status: 201, body: await addNote(v, caller.userId, { key: input.key ?? randomUUID(), text: input.text, shared: input.shared }) };
  });
  route('put', '/api/verantwoording/notes/:noteId', async (caller, req) => {
    const input = parse(schemas.editNote, req.body);
    return { body: await editNote(v, caller.userId, noteIdOf(req), input) };
  });
  route('del', '/api/verantwoording/notes/:noteId', async (caller, req) => {
    const rev = new URL(req.url ?? '', 'http://tab.invalid').searchParams.get('rev') ?? undefined;
    await deleteNote(v, caller.userId, noteIdOf(req), parse(schemas.deleteNote, { rev }).rev);
    return { status: 204, body: undefined };
  });
  route('put', '/api/verantwoording/visibility', async (caller, req) => {
    const input = parse(schemas.visibility, req.body);
    let record: Awaited<ReturnType<typeof setVisibility>>;
    try {
      record = await setVisibility(v, caller.userId, input);
    } catch (err) {
      if (!isDomainError(err) || err.detail !== TEXT_CHANGED_SINCE_SHOWN) throw err;
      deps.logger.info({ path: '/api/verantwoording/visibility', code: 'conflict', reason: 'textChanged', via: caller.via }, 'tab API: refused');
      // Its text changed since the tab showed it: nothing shared. 409 with the newest text, for the tab to show before a share.
      // (An answer's newest text comes with the redrawn overview.)
      const newest = input.kind === 'note' ? { note: await getNote(v, caller.userId, input.id) } : input.kind === 'profTraject' ? { traject: await getProfTraject(v, caller.userId) } : {};
      return { status: 409, body: { error: 'conflict', reason: 'textChanged', ...newest } };
    }
    // Pressed on a view older than the last change: nothing changed. 409 with the sharing as it
    // stands, so the tab shows that and says it was changed meanwhile. The same choice sent twice
    // finds it made, and is answered as done.
    if (record.visibility !== input.visibility) {
      deps.logger.info({ path: '/api/verantwoording/visibility', code: 'conflict', via: caller.via }, 'tab API: refused');
      return { status: 409, body: { error: 'conflict', visibility: record.visibility, visibilityRev: visibilityRevOf(record) } };
    }
    return { body: record };
  });
  route('put', '/api/verantwoording/time', async (caller, req) => {
    const input = parse(schemas.time, req.body);
    try {
      return { body: await correctTimeUsed(v, caller.userId, input.groupId, input.cycleId, input.hours, input.rev) };
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'conflict') throw err;
      deps.logger.info({ path: '/api/verantwoording/time', code: err.code, via: caller.via }, 'tab API: refused');
      // Corrected elsewhere since the tab read it: 409 with the stored hours (and their rev) to show next to the tab's own figure.
      return { status: 409, body: { error: 'conflict', time: await getTimeUsed(v, caller.userId, input.cycleId) } };
    }
  });
  route('put', '/api/verantwoording/traject', async (caller, req) => {
    try {
      return { body: await saveProfTraject(v, caller.userId, parse(schemas.traject, req.body)) };
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'conflict') throw err;
      deps.logger.info({ path: '/api/verantwoording/traject', code: err.code, via: caller.via }, 'tab API: refused');
      // Saved elsewhere since the tab read it (or shared since: `reason`): 409 with the stored version (and its revs) to show next to the tab's own inputs.
      return { status: 409, body: { error: 'conflict', ...reasonOf(err.detail), traject: await getProfTraject(v, caller.userId) } };
    }
  });
  route('get', '/api/verantwoording/export', async (caller, req) => {
    const language = languageOf(req, deps.defaultLanguage);
    const data = await exportMyData(v, caller.userId, language);
    deps.logger.info({ via: caller.via }, 'professional exported their data');
    // Named in the export's language, from the text the tab's own download link uses too.
    return { body: data, headers: { 'Content-Disposition': `attachment; filename="${EXPORT_FILE_NAMES[language]}"` } };
  });
  route('post', '/api/verantwoording/erase', async (caller, req) => {
    parse(schemas.erase, req.body);
    const outcome = await tryEraseMyData(v, caller.userId);
    if (outcome.done) {
      deps.logger.info({ ...outcome.report, via: caller.via }, 'professional erased their data');
      return { body: { erased: true } };
    }
    // Never a plain failure: once begun, part of it is done. The tab says so, and how it finishes.
    deps.logger.warn({ err: (outcome.error as Error)?.message, started: outcome.started, resumes: outcome.resumes, via: caller.via }, 'erasure did not finish');
    return { status: 503, body: { error: 'erasureUnfinished', started: outcome.started, resumes: outcome.resumes } };
  });

  // A proposal the group adopted or adapted, put before the member's manager (as from the chat's form).
  const pb = deps.putBefore;
  if (pb) {
    const refused = (path: string, caller: TabCaller, error: string, status: number, extra: Record<string, unknown> = {}) => {
      deps.logger.info({ path, code: error, via: caller.via }, 'tab API: refused');
      return { status, body: { error, ...extra } };
    };
    /** The directory not answering: nobody can say who the manager is, so nothing goes (503, try again). */
    const unlessDirectoryDown = async (path: string, caller: TabCaller, work: () => Promise<{ status?: number; body: unknown }>) => {
      try {
        return await work();
      } catch (err) {
        if (!isDomainError(err) || err.code !== 'directoryUnavailable') throw err;
        return refused(path, caller, 'directoryUnavailable', 503);
      }
    };
    const formOf = (s: Extract<PutBeforeStatus, { status: 'open' }>): TabPutBeforeForm => ({ ...s, maxWords: MAX_PROPOSAL_WORDS_LENGTH });
    const PATH = '/api/verantwoording/put-before';
    route('get', PATH, async (caller, req) =>
      unlessDirectoryDown(PATH, caller, async () => {
        const q = new URL(req.url ?? '', 'http://tab.invalid').searchParams;
        const ids = parse(schemas.putBeforeIds, { groupId: q.get('groupId') ?? undefined, proposalId: q.get('proposalId') ?? undefined });
        const s = await pb.read(caller.userId, ids.groupId, ids.proposalId);
        if (s.status !== 'open') return refused(PATH, caller, PUT_BEFORE_REFUSALS[s.status].error, PUT_BEFORE_REFUSALS[s.status].status);
        return { body: formOf(s) };
      }),
    );
    route('post', PATH, async (caller, req) =>
      unlessDirectoryDown(PATH, caller, async () => {
        const input = parse(schemas.putBefore, req.body);
        const language = languageNamedBy(req);
        const outcome = await pb.send(caller.userId, { ...input, ...(language ? { language } : {}) });
        // Another manager than the read named: nothing sent; the form again, naming that one.
        if (outcome.status === 'managerChanged') return refused(PATH, caller, 'managerChanged', 409, { now: formOf(outcome.now) });
        if (outcome.status !== 'sent') return refused(PATH, caller, PUT_BEFORE_REFUSALS[outcome.status].error, PUT_BEFORE_REFUSALS[outcome.status].status);
        const r = outcome.record;
        // The same key came with other words (her first send was stored, its answer lost, and she
        // changed the words): what went is not what she now sees. Said, with the words that went and
        // when; her new words stay in the form (found in review, stop 52).
        // Words of only invisible characters are none, as the use case stored them (stop 58).
        if ((r.words ?? '') !== (proposalWords(emptyIfNothingShows(input.words)) ?? '')) return refused(PATH, caller, 'alreadySent', 409, { sentAt: r.sentAt, words: r.words ?? '' });
        return { status: 201, body: { status: 'sent', id: r.id, sentAt: r.sentAt, ...(r.managerName ? { managerName: r.managerName } : {}) } };
      }),
    );
  }

  // Learning needs for L&O, next to the member's own answer to question 9.
  const ln = deps.learningNeeds;
  if (ln) {
    const answerIdOf = (req: Req) => parse(id, req.params?.answerId);
    /**
     * A pass-on refuses a change once the weekly handover took it, or when it changed since the tab
     * showed it (on the chat's card): the 409 says which (`reason`), so the tab can say what the
     * chat's card says instead of a note's conflict. Changed meanwhile, it carries the need as
     * stored now (`need`, null when none stands), to show next to what was typed.
     */
    const unlessRefused = async (path: string, caller: TabCaller, req: Req, work: () => Promise<{ status?: number; body: unknown }>) => {
      try {
        return await work();
      } catch (err) {
        if (!isDomainError(err) || err.code !== 'conflict') throw err;
        deps.logger.info({ path, code: err.code, via: caller.via }, 'tab API: refused');
        if (err.detail !== CHANGED_MEANWHILE) return { status: 409, body: { error: 'conflict', reason: 'handedOver' } };
        return { status: 409, body: { error: 'conflict', reason: 'changedMeanwhile', need: (await myLearningNeed(ln, caller.userId, answerIdOf(req))) ?? null } };
      }
    };
    route('get', '/api/verantwoording/learning-needs', async (caller) => {
      const items = await myLearningNeeds(ln, caller.userId);
      // L&O's current offers for their needs, read for themselves (a failed read leaves them out, not the needs).
      const offers = ln.offers ? await offersForMyNeeds(ln, caller.userId, await ln.store.listOfUser(caller.userId)).catch(() => undefined) : undefined;
      return { body: { themes: LEARNING_THEMES, minimum: ln.minimum, items, ...(offers ? { offers } : {}) } };
    });
    route('put', '/api/verantwoording/learning-needs/:answerId', async (caller, req) =>
      unlessRefused('/api/verantwoording/learning-needs/:answerId', caller, req, async () => ({ body: await passOnLearningNeed(ln, caller.userId, answerIdOf(req), parse(schemas.learningNeed, req.body)) })),
    );
    route('del', '/api/verantwoording/learning-needs/:answerId', async (caller, req) =>
      unlessRefused('/api/verantwoording/learning-needs/:answerId', caller, req, async () => {
        const rev = new URL(req.url ?? '', 'http://tab.invalid').searchParams.get('rev') ?? undefined;
        const input = parse(schemas.withdrawLearningNeed, { rev });
        // Held by the weekly handover right now: the withdrawal is noted for it (the need as held comes back, so the tab can say so).
        const held = await withdrawLearningNeed(ln, caller.userId, answerIdOf(req), undefined, input.rev);
        return held ? { body: held } : { status: 204, body: undefined };
      }),
    );
  }

  // What the tab needs before anyone signs in: the app's default language, for a client language
  // it does not speak (the chat answers such a person in it). Nothing about anyone, so no sign-in.
  server.get('/api/tab/settings', (_req, res, next) => {
    res.set(API_HEADERS);
    res.send(200, { defaultLanguage: deps.defaultLanguage });
    next();
  });

  // The development sign-in: registered only in local mode, so with bot authentication on the
  // routes do not exist (404) and no dev token can be verified (TabAuthenticator has no DevTokens).
  const dev = deps.devTokens;
  if (dev) {
    server.get('/api/dev/status', (_req, res, next) => {
      res.set(API_HEADERS);
      res.send(200, { devSignIn: true, tokenMinutes: 30 });
      next();
    });
    server.post('/api/dev/sign-in', async (req: Req, res: restify.Response) => {
      res.set(API_HEADERS);
      const input = schemas.signIn.safeParse(req.body ?? {});
      if (!input.success) {
        res.send(400, { error: 'invalidInput' });
        return;
      }
      const issued = await dev.issue(input.data.userId);
      deps.logger.warn('dev sign-in used (local mode only)');
      res.send(200, { userId: input.data.userId, ...issued });
    });
  }
}

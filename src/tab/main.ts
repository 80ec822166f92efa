import type { AccountabilityNote } from '../domain/verantwoording/accountability-note';
import type { ProfTraject } from '../domain/verantwoording/prof-traject';
import type { TimeUsed } from '../domain/verantwoording/time-used';
import type { VerantwoordingOverview } from '../usecases/verantwoording/overview';
import type { TabOverview, TabPutBeforeForm } from '../web/verantwoording/tab-api';
import { Api, ApiError, appDefaultLanguage, devSignIn, devSignInAvailable } from './api';
import { h } from './dom';
import { Drafts } from './drafts';
import { Outcome, Refusal } from './forms';
import { applyTheme, connectHost, Host } from './host';
import { pickLocale, spokenLocale, T, TabLocale, translator } from './i18n';
import { PreviewAnswer, renderPreview } from './preview';
import { Actions, LearningNeeds, noteDateFormat, renderDevSignIn, renderOverview, StoredHours } from './view';

const DEV_TOKEN_KEY = 'lw.devToken';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function say(text: string, error = false): void {
  const status = $('status');
  status.textContent = text;
  status.className = error ? 'status error' : 'status';
}

/** The refused input a 400 names (its field, rule and limits), if it names one. */
function refusalOf(body: ApiError['body']): Refusal | undefined {
  if (typeof body.field !== 'string') return undefined;
  const params = Object.fromEntries(Object.entries(body.params ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
  return { field: body.field, rule: typeof body.rule === 'string' ? body.rule : 'format', params };
}

function show(...nodes: HTMLElement[]): void {
  const main = $('main');
  main.replaceChildren(...nodes);
  main.setAttribute('aria-busy', 'false');
}

/** What a 409 says by its `reason`, over the change's own conflict text. */
const CONFLICT_REASONS = new Map([
  ['handedOver', 'verantwoording.learningNeed.notice.handedOverMeanwhile'],
  ['textChanged', 'verantwoording.tab.shareTextChanged'],
]);

/** The page: finds its host, signs in (Teams SSO, or the dev sign-in), then keeps the view in step with the API. */
class TabApp {
  private api?: Api;
  private overview?: TabOverview;
  /** What was typed and not saved yet: a redraw after a change elsewhere on the page keeps it. */
  private readonly drafts = new Drafts();
  /** The element that had the focus last: a control disabled while its request runs loses it (to <body>) before `change` runs. */
  private lastFocused?: Element;
  constructor(private readonly host: Host, private readonly locale: TabLocale, private readonly t: T) {
    document.addEventListener('focusin', (e) => (this.lastFocused = e.target instanceof Element ? e.target : undefined));
  }

  /**
   * The id of the control the person is on as a change begins: the focused element, or the one
   * that lost the focus by being disabled for the change (a form's button, a share checkbox).
   */
  private focusedId(): string | undefined {
    const el = document.activeElement;
    if (el && el !== document.body) return el.id || undefined;
    const last = this.lastFocused;
    return last?.isConnected && last.id && (last as HTMLButtonElement | HTMLInputElement).disabled ? last.id : undefined;
  }

  async start(): Promise<void> {
    document.title = this.t('verantwoording.title');
    $('title').textContent = this.t('verantwoording.title');
    $('intro').textContent = this.t('verantwoording.intro');
    $('loading').textContent = this.t('verantwoording.tab.loading');
    if (this.host.inTeams && this.host.ssoToken) {
      this.api = new Api(this.host.ssoToken, this.locale);
      return this.load();
    }
    if (!(await devSignInAvailable())) return show(h('p', {}, this.t('verantwoording.tab.openInTeams')));
    const stored = sessionStorage.getItem(DEV_TOKEN_KEY);
    if (stored) {
      this.useDevToken(stored);
      return this.load();
    }
    show(renderDevSignIn(this.t, (userId) => void this.signIn(userId)));
  }

  private useDevToken(token: string): void {
    this.api = new Api(async () => token, this.locale);
    const userId = (() => {
      try {
        return (JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
      } catch {
        return '';
      }
    })();
    $('account').replaceChildren(
      h('p', { class: 'muted small' }, this.t('verantwoording.tab.signedInAs', { name: userId }), ' ', h('button', { type: 'button', onclick: () => this.signOut() }, this.t('verantwoording.tab.signOut'))),
    );
  }

  private async signIn(userId: string): Promise<void> {
    try {
      const { token } = await devSignIn(userId);
      sessionStorage.setItem(DEV_TOKEN_KEY, token);
      this.useDevToken(token);
      await this.load();
    } catch {
      say(this.t('verantwoording.tab.authFailed'), true);
    }
  }

  private signOut(): void {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    location.reload();
  }

  /**
   * `saved`: the redraw follows a stored change, whose form then shows what is stored instead of
   * what was sent. Once the page is drawn, a failed reload leaves it as it is (every form, with
   * what was typed and not saved) and says above it that it could not be refreshed; only the
   * first load, or one after erasing (`replace`), puts the failure in the page's place.
   */
  private async load(saved = false, replace = !this.overview, focus?: string): Promise<void> {
    try {
      const [overview, needs] = await Promise.all([
        this.api!.call<TabOverview>('GET', ''),
        // Passing learning needs on is optional: without the route the answers show without it.
        this.api!.call<LearningNeeds>('GET', '/learning-needs').catch(() => undefined),
      ]);
      this.overview = overview;
      this.drafts.collect(saved);
      // Focus stays where it is (by id), not thrown back to the top of the page by the redraw; lost
      // meanwhile (its control disabled or gone), it goes back to `focus`: where it was as the change began.
      const now = document.activeElement;
      const focused = (now && now !== document.body && now.id) || focus;
      show(...renderOverview(this.overview, this.t, this.locale, this.actions, this.drafts, needs));
      if (focused) document.getElementById(focused)?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return this.signedOut(replace);
      if (replace) {
        this.overview = undefined;
        return show(h('p', {}, this.t('verantwoording.tab.loadFailed')));
      }
      this.sayNotRefreshed();
    }
  }

  /**
   * The sign-in no longer holds (a 401). On a drawn page everything stays, with what was typed and
   * not saved, as after any failed reload (the line above it says it is not refreshed): outside
   * Teams the development sign-in takes the account line's place, and signing in again draws the
   * page anew with the typing kept. Only the first load puts the failure in the page's place.
   */
  private signedOut(replace: boolean): void {
    const signIn = this.host.inTeams ? undefined : renderDevSignIn(this.t, (userId) => void this.signIn(userId));
    if (signIn) sessionStorage.removeItem(DEV_TOKEN_KEY);
    if (replace) {
      $('account').replaceChildren();
      show(signIn ?? h('p', {}, this.t('verantwoording.tab.authFailed')));
    } else {
      if (signIn) $('account').replaceChildren(signIn);
      this.sayNotRefreshed();
    }
    say(this.t('verantwoording.tab.authFailed'), true);
  }

  /** Above the page as it was: it is not the newest, and a button to load it again (gone once it loaded). */
  private sayNotRefreshed(): void {
    const line =
      document.getElementById('not-refreshed') ??
      h(
        'div',
        { id: 'not-refreshed', class: 'not-refreshed', role: 'alert' },
        h('p', {}, this.t('verantwoording.tab.refreshFailed')),
        h('button', { type: 'button', onclick: () => void this.load() }, this.t('verantwoording.tab.refreshAgain')),
      );
    $('main').prepend(line);
  }

  /**
   * Runs a change, reloads the view, and says what happened; what was typed elsewhere on the page
   * and not saved stays. A refused input is handed back (its form shows the reason next to the
   * field; nothing is reloaded, so what was typed stays). A conflict with `newer` is handed back
   * with the newer stored version, again without a reload; without it the view reloads to show
   * what is stored now. With `gone`, a 404 is handed back as deleted elsewhere, saying `gone`.
   * Refused because the person's erasure is unfinished: said, and the view reloads to show it
   * (with the way to finish it). No answer, or a server error (5xx): it may have been stored all
   * the same, so the view reloads to show what is stored rather than assume nothing changed.
   */
  private async change<C = never>(
    work: () => Promise<unknown>,
    /** What the status line says once stored: a text, or one chosen by the API's answer. */
    done: string | ((answer: unknown) => string),
    opts: { form?: boolean; newer?: (body: ApiError['body']) => Promise<C | undefined>; conflict?: string; sharedSince?: string; gone?: string } = {},
  ): Promise<Outcome<C>> {
    // Read before the request runs: the redraw gives the focus back to this control (its id is stable).
    const focus = this.focusedId();
    try {
      const answer = await work();
      await this.load(true, undefined, focus);
      say(typeof done === 'string' ? done : done(answer));
      return { ok: true };
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (err instanceof ApiError && err.body.error === 'erasureUnderway') {
        await this.load(false, undefined, focus);
        say(this.t('verantwoording.erase.notSaved'), true);
        return { ok: false };
      }
      if (status === 0 || status >= 500) {
        await this.load(false, undefined, focus);
        say(this.t('verantwoording.tab.saveUnknown'), true);
        return { ok: false };
      }
      const refusal = err instanceof ApiError && status === 400 ? refusalOf(err.body) : undefined;
      if (refusal && opts.form) return { ok: false, refusal };
      if (err instanceof ApiError && status === 409) {
        if (opts.newer) {
          // Shared since the form was opened: said so (the typed text stays), not "changed elsewhere".
          const shared = err.body.reason === 'sharedSince' ? opts.sharedSince : undefined;
          say(this.t(shared ?? opts.conflict ?? 'verantwoording.tab.noteConflict'), true);
          return { ok: false, conflict: await opts.newer(err.body).catch(() => undefined) };
        }
        // A learning need the weekly handover took meanwhile: said as the chat says it (the redraw
        // shows it handed over, with the typed change to copy). A share whose text was written
        // elsewhere since: said so (the redraw shows the newest text).
        const reason = CONFLICT_REASONS.get(String(err.body.reason));
        say(this.t(reason ?? opts.conflict ?? 'verantwoording.tab.conflict'), true);
        await this.load(false, undefined, focus);
        return { ok: false };
      }
      if (status === 404 && opts.gone) {
        say(this.t(opts.gone), true);
        return { ok: false, gone: true };
      }
      say(this.t(status === 400 ? 'verantwoording.error.invalidInput' : status === 404 ? 'verantwoording.error.notFound' : 'verantwoording.tab.saveFailed'), true);
      return { ok: false };
    }
  }

  /** Why a proposal cannot be put before the manager, from the API's refusal; `otherwise` for no answer or a server error. */
  private putBeforeReason(err: unknown, otherwise: string): string {
    const code = err instanceof ApiError ? err.body.error : undefined;
    if (err instanceof ApiError && err.status === 401) return this.t('verantwoording.tab.authFailed');
    if (err instanceof ApiError && err.status === 404) return this.t('proposalToManager.notYours');
    if (code === 'notDecided') return this.t('proposalToManager.notDecided');
    if (code === 'noManager') return this.t('proposalToManager.noManager');
    if (code === 'directoryUnavailable') return this.t('verantwoording.putBefore.directoryUnavailable');
    if (code === 'erasureUnderway') return this.t('verantwoording.erase.notSaved');
    if (code === 'alreadySent' && err instanceof ApiError) {
      const at = typeof err.body.sentAt === 'string' ? noteDateFormat(this.locale, this.overview?.timeZone).format(new Date(err.body.sentAt)) : '';
      const words = typeof err.body.words === 'string' ? err.body.words : '';
      return words ? this.t('verantwoording.putBefore.alreadySentWords', { date: at, words }) : this.t('verantwoording.putBefore.alreadySent', { date: at });
    }
    return this.t(otherwise);
  }

  /** The newer version of a note an edit collided with: from the 409's body, else as stored now. */
  private async newerNote(noteId: string, body: ApiError['body']): Promise<AccountabilityNote | undefined> {
    const note = body.note as AccountabilityNote | undefined;
    if (note && note.id === noteId) return note;
    return (await this.api!.call<VerantwoordingOverview>('GET', '')).notes.find((n) => n.id === noteId);
  }

  /** The newer hours a correction collided with: from the 409's body, else as stored now. */
  private async newerHours(groupId: string, cycleId: string, body: ApiError['body']): Promise<StoredHours | undefined> {
    const time = body.time as Partial<TimeUsed> | undefined;
    if (time?.cycleId === cycleId && typeof time.hours === 'number' && typeof time.rev === 'number') return { hours: time.hours, rev: time.rev };
    const week = (await this.api!.call<VerantwoordingOverview>('GET', '')).cycles.find((c) => c.groupId === groupId && c.cycleId === cycleId);
    return week && { hours: week.hours, rev: week.timeRev };
  }

  private readonly actions: Actions = {
    say,
    // A 404: this key's note was stored, and deleted since (its answer was lost, the press retried):
    // nothing is brought back, and the form hears it is `gone`, to add the text anew on a next press.
    addNote: (text, shared, key) =>
      this.change(() => this.api!.call('POST', '/notes', { text, shared, key }), this.t('verantwoording.tab.saved'), { form: true, gone: 'verantwoording.tab.noteDeletedMeanwhile' }),
    refresh: () => this.load(),
    saveNote: (note: AccountabilityNote, text) =>
      this.change(() => this.api!.call('PUT', `/notes/${encodeURIComponent(note.id)}`, { text, rev: note.rev, visibilityRev: note.visibilityRev ?? 0 }), this.t('verantwoording.tab.saved'), {
        form: true,
        sharedSince: 'verantwoording.editShared.noteRefused',
        newer: (body) => this.newerNote(note.id, body),
        gone: 'verantwoording.tab.noteDeletedElsewhere',
      }),
    deleteNote: (note) => this.change(() => this.api!.call('DELETE', `/notes/${encodeURIComponent(note.id)}?rev=${note.rev}`), this.t('verantwoording.tab.deleted'), { conflict: 'verantwoording.tab.deleteConflict' }),
    // With the count the page showed: changed meanwhile (409), nothing changes and the page is
    // redrawn as it stands. Stored, the count it has now goes back to the toggle. With the text's
    // revision too (`rev`): written elsewhere since, nothing is shared (409 `textChanged`), and the
    // redrawn page shows the newest text, saying why.
    setVisibility: async (kind, id, visibility, visibilityRev, groupId, rev) => {
      let stored: { visibilityRev?: number } | undefined;
      const out = await this.change(
        async () => {
          stored = await this.api!.call<{ visibilityRev?: number }>('PUT', '/visibility', { kind, id, visibility, visibilityRev, ...(groupId ? { groupId } : {}), ...(rev === undefined ? {} : { rev }) });
        },
        this.t(visibility === 'shared' ? 'verantwoording.tab.shared' : 'verantwoording.tab.madePrivate'),
        { conflict: 'verantwoording.tab.visibilityChangedMeanwhile' },
      );
      return out.ok ? { ok: true, visibilityRev: stored?.visibilityRev ?? visibilityRev } : out;
    },
    saveHours: (groupId, cycleId, hours, rev) =>
      this.change(() => this.api!.call('PUT', '/time', { groupId, cycleId, hours, rev }), this.t('verantwoording.tab.saved'), {
        form: true,
        conflict: 'verantwoording.tab.timeConflict',
        newer: (body) => this.newerHours(groupId, cycleId, body),
      }),
    saveTraject: (learningNeeds, talents, plannedWeeks, rev, visibilityRev) =>
      this.change(() => this.api!.call('PUT', '/traject', { learningNeeds, talents, plannedWeeks, rev, visibilityRev }), this.t('verantwoording.tab.saved'), {
        form: true,
        sharedSince: 'verantwoording.editShared.trajectRefused',
        conflict: 'verantwoording.tab.trajectConflict',
        newer: async (body) => (body.traject as ProfTraject | undefined) ?? (await this.api!.call<VerantwoordingOverview>('GET', '')).profTraject,
      }),
    download: async () => {
      try {
        const blob = await this.api!.download('/export');
        const url = URL.createObjectURL(blob);
        const a = h('a', { href: url, download: this.t('verantwoording.tab.exportFileName') });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        say(this.t('verantwoording.tab.downloaded'));
      } catch {
        say(this.t('verantwoording.tab.downloadFailed'), true);
      }
    },
    preview: async (into) => {
      try {
        into.replaceChildren(renderPreview(await this.api!.call<PreviewAnswer>('GET', '/preview'), this.t));
      } catch {
        say(this.t('verantwoording.conversations.previewFailed'), true);
      }
    },
    erase: async () => {
      try {
        await this.api!.call('POST', '/erase', { confirm: true });
      } catch (err) {
        // Begun and not finished: part of it may be erased, so never "not saved". Say how it finishes.
        if (err instanceof ApiError && err.body.error === 'erasureUnfinished') {
          const text = this.t(err.body.started === false ? 'verantwoording.erase.notStartedText' : err.body.resumes ? 'verantwoording.erase.unfinishedText' : 'verantwoording.erase.unfinishedTextByHand');
          say(text, true);
          return { finished: false, started: err.body.started !== false, text };
        }
        // Refused before anything was erased: said as any other refusal is.
        await this.change(() => Promise.reject(err), '');
        return { finished: false, started: false, text: '' };
      }
      // Erased: nothing typed before belongs to anything stored any more, nor does the page as it was.
      this.drafts.clear();
      await this.load(false, true);
      say(this.t('verantwoording.tab.erased'));
      return { finished: true };
    },
    // While the weekly handover holds the need, a change or withdrawal is noted for it to settle: said so, as the chat's card does.
    // With the revision the page showed: changed meanwhile (on the chat's card), nothing changes, it
    // says so and the page is redrawn as stored, with what was typed kept beside the stored need.
    passLearningNeed: (answerId, theme, text, rev) =>
      this.change(
        () => this.api!.call('PUT', `/learning-needs/${encodeURIComponent(answerId)}`, { theme, text, rev }),
        (held) => this.t(isHeld(held) ? 'verantwoording.learningNeed.notice.changeNoted' : 'verantwoording.learningNeed.tab.passed'),
        { form: true, conflict: 'verantwoording.learningNeed.tab.changedMeanwhile' },
      ),
    // An adopted proposal put before the manager: the read shows what the manager's card will show.
    readPutBefore: async (groupId, proposalId) => {
      try {
        return { ok: true, form: await this.api!.call<TabPutBeforeForm>('GET', `/put-before?groupId=${encodeURIComponent(groupId)}&proposalId=${encodeURIComponent(proposalId)}`) };
      } catch (err) {
        return { ok: false, reason: this.putBeforeReason(err, 'verantwoording.putBefore.readFailed') };
      }
    },
    // Under the form's key: a retry after no answer stores and sends once. Refused, nothing is
    // reloaded, so the form stays with the words; sent, the page is drawn anew with the new entry.
    sendPutBefore: async (input, focusAfter) => {
      let sent: { managerName?: string } | undefined;
      try {
        // The page's language goes along: what comes back to her later about it is told in it.
        sent = await this.api!.call<{ managerName?: string }>('POST', `/put-before?lang=${encodeURIComponent(this.locale)}`, input);
      } catch (err) {
        const refusal = err instanceof ApiError && err.status === 400 ? refusalOf(err.body) : undefined;
        if (refusal) return { ok: false, refusal };
        if (err instanceof ApiError && err.body.error === 'managerChanged') {
          const now = err.body.now as TabPutBeforeForm;
          return { ok: false, now, reason: now.managerName ? this.t('proposalToManager.managerChanged', { manager: now.managerName }) : this.t('proposalToManager.managerChangedYourManager') };
        }
        return { ok: false, reason: this.putBeforeReason(err, 'proposalToManager.sendFailed') };
      }
      await this.load(true, undefined, focusAfter);
      say(sent?.managerName ? this.t('proposalToManager.sent', { manager: sent.managerName }) : this.t('proposalToManager.sentToYourManager'));
      return { ok: true };
    },
    withdrawLearningNeed: (answerId, rev) =>
      this.change(
        () => this.api!.call('DELETE', `/learning-needs/${encodeURIComponent(answerId)}?rev=${rev}`),
        (held) => this.t(isHeld(held) ? 'verantwoording.learningNeed.notice.withdrawNoted' : 'verantwoording.learningNeed.tab.withdrawn'),
        { conflict: 'verantwoording.learningNeed.tab.withdrawChangedMeanwhile' },
      ),
  };
}

/** The API's answer to a learning-need change: the need as the weekly handover holds it right now. */
function isHeld(answer: unknown): boolean {
  return (answer as { status?: unknown } | undefined)?.status === 'sealing';
}

async function main(): Promise<void> {
  const host = await connectHost();
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  // A client language the tab does not speak gets the app's default, as in the chat (asked only then).
  const locale = spokenLocale(host.locale) ?? pickLocale(await appDefaultLanguage());
  document.documentElement.lang = locale;
  await new TabApp(host, locale, translator(locale)).start();
}

void main();

import type { AccountabilityNote } from '../domain/verantwoording/accountability-note';
import type { VerantwoordingOverview } from '../usecases/verantwoording/overview';
import { Api, ApiError, devSignIn, devSignInAvailable } from './api';
import { h } from './dom';
import { applyTheme, connectHost, Host } from './host';
import { pickLocale, T, TabLocale, translator } from './i18n';
import { PreviewAnswer, renderPreview } from './preview';
import { Actions, LearningNeeds, renderDevSignIn, renderOverview } from './view';

const DEV_TOKEN_KEY = 'lw.devToken';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function say(text: string, error = false): void {
  const status = $('status');
  status.textContent = text;
  status.className = error ? 'status error' : 'status';
}

function show(...nodes: HTMLElement[]): void {
  const main = $('main');
  main.replaceChildren(...nodes);
  main.setAttribute('aria-busy', 'false');
}

/** The page: finds its host, signs in (Teams SSO, or the dev sign-in), then keeps the view in step with the API. */
class TabApp {
  private api?: Api;
  private overview?: VerantwoordingOverview;
  constructor(private readonly host: Host, private readonly locale: TabLocale, private readonly t: T) {}

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

  private async load(): Promise<void> {
    try {
      const [overview, needs] = await Promise.all([
        this.api!.call<VerantwoordingOverview>('GET', ''),
        // Passing learning needs on is optional: without the route the answers show without it.
        this.api!.call<LearningNeeds>('GET', '/learning-needs').catch(() => undefined),
      ]);
      this.overview = overview;
      show(...renderOverview(this.overview, this.t, this.locale, this.actions, needs));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && !this.host.inTeams) {
        sessionStorage.removeItem(DEV_TOKEN_KEY);
        $('account').replaceChildren();
        show(renderDevSignIn(this.t, (userId) => void this.signIn(userId)));
        return say(this.t('verantwoording.tab.authFailed'), true);
      }
      show(h('p', {}, this.t(err instanceof ApiError && err.status === 401 ? 'verantwoording.tab.authFailed' : 'verantwoording.tab.loadFailed')));
    }
  }

  /** Runs a change, reloads the view, and says what happened. */
  private async change(work: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await work();
      await this.load();
      say(done);
    } catch (err) {
      say(this.t(err instanceof ApiError && err.status === 409 ? 'verantwoording.tab.conflict' : 'verantwoording.tab.saveFailed'), true);
      if (err instanceof ApiError && err.status === 409) await this.load();
    }
  }

  private readonly actions: Actions = {
    addNote: (text, shared) => this.change(() => this.api!.call('POST', '/notes', { text, shared, key: crypto.randomUUID() }), this.t('verantwoording.tab.saved')),
    saveNote: (note: AccountabilityNote, text) => this.change(() => this.api!.call('PUT', `/notes/${encodeURIComponent(note.id)}`, { text, rev: note.rev }), this.t('verantwoording.tab.saved')),
    deleteNote: (id) => this.change(() => this.api!.call('DELETE', `/notes/${encodeURIComponent(id)}`), this.t('verantwoording.tab.deleted')),
    setVisibility: (kind, id, visibility, groupId) =>
      this.change(() => this.api!.call('PUT', '/visibility', { kind, id, visibility, ...(groupId ? { groupId } : {}) }), this.t(visibility === 'shared' ? 'verantwoording.tab.shared' : 'verantwoording.tab.madePrivate')),
    saveHours: (groupId, cycleId, hours) => this.change(() => this.api!.call('PUT', '/time', { groupId, cycleId, hours }), this.t('verantwoording.tab.saved')),
    saveTraject: (learningNeeds, talents, plannedWeeks) => this.change(() => this.api!.call('PUT', '/traject', { learningNeeds, talents, plannedWeeks }), this.t('verantwoording.tab.saved')),
    download: async () => {
      try {
        const blob = await this.api!.download('/export');
        const url = URL.createObjectURL(blob);
        const a = h('a', { href: url, download: 'mijn-verantwoording.json' });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        say(this.t('verantwoording.tab.downloaded'));
      } catch {
        say(this.t('verantwoording.tab.saveFailed'), true);
      }
    },
    preview: async (into) => {
      try {
        into.replaceChildren(renderPreview(await this.api!.call<PreviewAnswer>('GET', '/preview'), this.t));
      } catch {
        say(this.t('verantwoording.conversations.previewFailed'), true);
      }
    },
    erase: () => this.change(() => this.api!.call('POST', '/erase', { confirm: true }), this.t('verantwoording.tab.erased')),
    passLearningNeed: (answerId, theme, text) =>
      this.change(() => this.api!.call('PUT', `/learning-needs/${encodeURIComponent(answerId)}`, { theme, text }), this.t('verantwoording.learningNeed.tab.passed')),
    withdrawLearningNeed: (answerId) => this.change(() => this.api!.call('DELETE', `/learning-needs/${encodeURIComponent(answerId)}`), this.t('verantwoording.learningNeed.tab.withdrawn')),
  };
}

async function main(): Promise<void> {
  const host = await connectHost();
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  const locale = pickLocale(host.locale);
  document.documentElement.lang = locale;
  await new TabApp(host, locale, translator(locale)).start();
}

void main();

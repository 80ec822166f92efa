import { Installation } from '../../domain/pulse-poll/ports';
import { PulsePollDeps } from './deps';

export type InstallEvent =
  | { kind: 'added'; installation: Omit<Installation, 'id' | 'installed'> }
  | { kind: 'removed'; tenantId: string; teamId: string }
  | { kind: 'renamed'; tenantId: string; teamId: string; name: string };

/** Keeps the registry of teams the app is installed in, for "alle teams". */
export async function recordInstallEvent(deps: Pick<PulsePollDeps, 'installations'>, event: InstallEvent): Promise<void> {
  switch (event.kind) {
    case 'added':
      await deps.installations.record({ ...event.installation, installed: true });
      return;
    case 'removed':
      await deps.installations.markRemoved(event.tenantId, event.teamId);
      return;
    case 'renamed':
      await deps.installations.rename(event.tenantId, event.teamId, event.name);
      return;
  }
}

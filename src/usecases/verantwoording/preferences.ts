import { Language } from '../../domain/framework/framework';
import { preferencesId } from '../../domain/verantwoording/preferences';
import { VerantwoordingDeps } from './deps';

export async function preferredLanguage(deps: VerantwoordingDeps, userId: string): Promise<Language | undefined> {
  const r = await deps.records.get(userId, preferencesId(userId));
  return r?.type === 'preferences' ? r.language : undefined;
}

export async function chooseLanguage(deps: VerantwoordingDeps, userId: string, language: Language): Promise<void> {
  await deps.records.upsert({ id: preferencesId(userId), type: 'preferences', userId, language, updatedAt: deps.clock.now().toISOString() });
}

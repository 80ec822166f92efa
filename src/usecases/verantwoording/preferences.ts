import { Language } from '../../domain/framework/framework';
import { preferencesId } from '../../domain/verantwoording/preferences';
import { VerantwoordingDeps } from './deps';
import { withinSaveWindow } from './save-window';

export async function preferredLanguage(deps: VerantwoordingDeps, userId: string): Promise<Language | undefined> {
  const r = await deps.records.get(userId, preferencesId(userId));
  return r?.type === 'preferences' ? r.language : undefined;
}

/** Refused (`erasureUnderway`) while their erasure is unfinished: it would delete the choice after it was confirmed. */
export async function chooseLanguage(deps: VerantwoordingDeps, userId: string, language: Language): Promise<void> {
  // Its upsert keeps to the save window: none outlives an erasure begun meanwhile (save-window.ts).
  deps = await withinSaveWindow(deps, userId);
  await deps.records.upsert({ id: preferencesId(userId), type: 'preferences', userId, language, updatedAt: deps.clock.now().toISOString() });
}

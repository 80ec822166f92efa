import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { container, Element, plainText, textBlock } from './card-kit';

/**
 * The team's B3 mirror came back (DOMAIN.md: "to talk about in its next session"): a talking
 * point, no figures (those are in the team's channel, where each member can read them) and no
 * button: whether and how the group takes it up is theirs. The team's name as Teams has it: plain text.
 */
export function teamMirrorSection(view: SessionView, t: Translate): Element[] {
  if (!view.teamMirror) return [];
  return [container([textBlock(t('teamMirror.title'), { weight: 'Bolder' }), plainText(t('teamMirror.text', { team: view.teamMirror.teamName }))], { style: 'emphasis' })];
}

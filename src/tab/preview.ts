import { AdaptiveCard, HostConfig } from 'adaptivecards';
import { h } from './dom';
import type { T } from './i18n';

/** What the tab API answers for "wat ziet mijn leidinggevende?". */
export type PreviewAnswer = { status: 'ok'; card: object } | { status: 'noManager' };

// Close to Teams' own rendering: its font, sizes and spacing on a light card surface.
const HOST_CONFIG = new HostConfig({
  fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
});

/**
 * Renders the prep card with the adaptivecards library, as Teams would: the same JSON the
 * manager's chat gets. It is a picture of their card: nothing on it does anything here.
 */
export function renderPreview(answer: PreviewAnswer, t: T): HTMLElement {
  if (answer.status === 'noManager') return h('p', {}, t('verantwoording.conversations.previewNoManager'));
  const card = new AdaptiveCard();
  card.hostConfig = HOST_CONFIG;
  card.parse(answer.card);
  const rendered = card.render();
  const frame = h('div', { class: 'ac-preview', role: 'group', 'aria-label': t('verantwoording.conversations.preview') });
  if (rendered) frame.append(rendered);
  return frame;
}

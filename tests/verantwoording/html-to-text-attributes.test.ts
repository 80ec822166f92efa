import { htmlToText } from '../../src/teams/features/verantwoording/html-to-text';

/**
 * Found in review of stop 37: message HTML as Teams sends it, read by the new one-pass htmlToText.
 * Not regressions (the regular expressions before it did the same), but the one pass still ends
 * a tag at the first ">" even inside a quoted attribute, so the rest of the tag lands in the note
 * as text; and an emoji Teams sends as an <emoji> element (its character in `alt`) was dropped.
 * Both fixed in stop 37; an apostrophe in text or in an unquoted value quotes nothing.
 */
describe('Teams message HTML as note text', () => {
  it.each([
    ['a link whose title holds ">"', '<p>Kijk <a href="https://example.com" title="stap 1 > stap 2">hier</a></p>', 'Kijk hier'],
    ['an image whose alt holds ">"', '<p>Schema</p><img src="https://example.com/a.png" alt="in > uit">', 'Schema'],
    ['an emoji element', '<p>Top <emoji id="1f44d_thumbsup" alt="👍" title="Duim omhoog"></emoji></p>', 'Top 👍'],
    ['apostrophes in text and in an unquoted value', "<p>it's <img alt=it's> fine, don't</p>", "it's fine, don't"],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

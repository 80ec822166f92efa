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
    // Teams' older form (stop 37 left-out): an image marked as an emoji by its itemtype; other images still say nothing.
    ['an emoji image', '<p>Top <img alt="👍" itemtype="http://schema.skype.com/Emoji" itemscope src="https://statics.teams.cdn.office.net/evergreen-assets/personal-expressions/v2/assets/emoticons/yes/default/20_f.png" width="20" height="20" style="width:20px; height:20px"></p>', 'Top 👍'],
    ['an emoji image, attributes the other way round', "<p>Top<img itemtype='http://schema.skype.com/Emoji' alt='🙂'></p>", 'Top🙂'],
    ['apostrophes in text and in an unquoted value', "<p>it's <img alt=it's> fine, don't</p>", "it's fine, don't"],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TAB_DIR = join(__dirname, '..', '..', 'dist', 'tab');

/**
 * A stand-in for the Teams client: a page that opens the tab and answers the Teams JS library's
 * postMessage protocol (initialize, getContext, authentication.getAuthToken) and can send a theme
 * change. It must share the tab's origin (the library trusts only https Microsoft hosts or its
 * own origin), so the test writes it next to the built tab and removes it afterwards. It opens
 * the tab as a child window rather than a frame: the library talks to its opener the same way it
 * talks to a parent frame, and the tab's CSP (which frames nothing) stays exactly as shipped.
 */
const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Teams</title><script src="fake-teams-host.js" defer></script></head>
<body><main><h1>Fake Teams</h1><button id="open" type="button">Open the tab</button></main></body></html>`;

const HOST_JS = `
const params = new URLSearchParams(location.search);
window.hostLog = [];
let tab = null;
window.addEventListener('message', (e) => {
  if (!tab || e.source !== tab) return;
  const m = e.data;
  if (!m || typeof m.func !== 'string') return;
  window.hostLog.push(m.func);
  const reply = (args) => tab.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, location.origin);
  if (m.func === 'initialize') return reply(['content', 'web', JSON.stringify({ apiVersion: 4, supports: { appInitialization: {}, authentication: {}, pages: {} } }), '2.58.0']);
  if (m.func === 'getContext') return reply([{ locale: params.get('locale'), theme: params.get('theme'), hostClientType: 'web', hostName: 'Teams', frameContext: 'content', userObjectId: 'not-trusted-by-the-server' }]);
  if (m.func === 'authentication.getAuthToken') return reply([true, params.get('token')]);
  reply([]);
});
window.setTheme = (theme) => tab.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
document.getElementById('open').addEventListener('click', () => { tab = window.open('index.html', 'tab'); });
`;

export function installFakeTeamsHost(): () => void {
  writeFileSync(join(TAB_DIR, 'fake-teams-host.html'), HOST_HTML);
  writeFileSync(join(TAB_DIR, 'fake-teams-host.js'), HOST_JS);
  return () => {
    rmSync(join(TAB_DIR, 'fake-teams-host.html'), { force: true });
    rmSync(join(TAB_DIR, 'fake-teams-host.js'), { force: true });
  };
}

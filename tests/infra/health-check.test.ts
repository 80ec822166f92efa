/**
 * App Service checks each instance's health path and takes a failing instance out of the load
 * balancer (and replaces it): the Web App must name a path the app answers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startTestApp } from '../support/test-app';
import { stripBicepComments } from './bicep-text';

const webApp = stripBicepComments(fs.readFileSync(path.resolve(__dirname, '../../infra/modules/web-app.bicep'), 'utf8'));

/** The siteConfig block of the Microsoft.Web/sites resource. */
function siteConfigOf(bicep: string): string {
  const site = bicep.indexOf("'Microsoft.Web/sites@");
  const start = bicep.indexOf('siteConfig:', site);
  if (site < 0 || start < 0) throw new Error('no Microsoft.Web/sites resource with a siteConfig in web-app.bicep');
  let depth = 0;
  for (let i = bicep.indexOf('{', start); i < bicep.length; i++) {
    if (bicep[i] === '{') depth++;
    if (bicep[i] === '}' && --depth === 0) return bicep.slice(start, i + 1);
  }
  throw new Error('siteConfig is not closed');
}

describe('the App Service health check', () => {
  const healthCheckPath = siteConfigOf(webApp).match(/\n\s*healthCheckPath:\s*'([^']*)'/)?.[1];

  it('is set on the Web App', () => {
    expect(healthCheckPath).toBe('/healthz');
  });

  it('names a path the app answers with 200', async () => {
    const t = await startTestApp();
    try {
      expect((await fetch(`${t.app.url}${healthCheckPath ?? '/no-health-check-path'}`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});

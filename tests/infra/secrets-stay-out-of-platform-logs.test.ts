import * as fs from 'fs';
import * as path from 'path';
import { signLink } from '../../src/http/signed-link';
import { REPORT_PATHS } from '../../src/web/hr-report/report-routes';
import { stripBicepComments } from './bicep-text';

/**
 * Found in review, stop 50: secrets and bearer links outside the app's own (redacted) logs.
 * Application Insights gets query strings as [redacted] (src/telemetry/redact-urls.ts), but the
 * App Service diagnostic setting sends AppServiceHTTPLogs to Log Analytics, whose CsUriQuery
 * column holds every request's query string as sent.
 */
const webApp = stripBicepComments(fs.readFileSync(path.join(__dirname, '../../infra/modules/web-app.bicep'), 'utf8'));

/** The log categories the diagnostic setting enables. */
function enabledLogCategories(src: string): string[] {
  return [...src.matchAll(/category:\s*'([A-Za-z]+)'\s*\n\s*enabled:\s*true/g)].map((m) => m[1]!);
}

describe('the HR report link is not written to Log Analytics', () => {
  // Was so before stop 50: the report link's whole authorisation (an HS256 JWT, valid REPORT_LINK_MINUTES,
  // up to 24 h) travels in the query string, and AppServiceHTTPLogs keeps it in CsUriQuery: anyone
  // who may read the workspace can download the HR report while the link lives.
  it('the link carries no bearer token in its query string, or the HTTP log category is off', async () => {
    const link = await signLink(Buffer.alloc(32, 7), 'https://app-lw.azurewebsites.net', REPORT_PATHS.csv, { from: '2025-01-01', to: '2025-03-31', lang: 'nl', tenant: 't' }, new Date(Date.now() + 15 * 60_000));
    const tokenInQuery = new URL(link).searchParams.has('token');
    const httpLogsOn = enabledLogCategories(webApp).includes('AppServiceHTTPLogs');
    expect({ tokenInQuery, httpLogsOn }).not.toEqual({ tokenInQuery: true, httpLogsOn: true });
  });

  it('the parser finds the diagnostic categories (the probe above can see them)', () => {
    expect(enabledLogCategories(webApp)).toEqual(expect.arrayContaining(['AppServiceConsoleLogs', 'AppServicePlatformLogs']));
  });
});

describe('deployment credentials', () => {
  // Was so before stop 50: App Service keeps basic-auth publishing credentials (Kudu/SCM) unless the
  // template turns them off; Kudu shows every app setting (POLL_HASH_KEY, REPORT_LINK_SECRET,
  // MICROSOFT_APP_PASSWORD) to whoever holds the publish profile's user name and password.
  it('basic-auth publishing credentials are disabled for scm and ftp', () => {
    const policies = [...webApp.matchAll(/resource\s+\w+\s+'Microsoft\.Web\/sites\/basicPublishingCredentialsPolicies@[^']+'\s*=\s*\{([\s\S]*?)\n\}/g)].map((m) => m[1]!);
    const disabled = (name: string) => policies.some((body) => new RegExp(`name:\\s*'${name}'`).test(body) && /allow:\s*false/.test(body));
    expect({ scm: disabled('scm'), ftp: disabled('ftp') }).toEqual({ scm: true, ftp: true });
  });

  it('held: HTTPS only, TLS 1.2 minimum (site and SCM), FTPS off, managed identity', () => {
    expect(webApp).toMatch(/httpsOnly:\s*true/);
    expect(webApp).toMatch(/minTlsVersion:\s*'1\.2'/);
    expect(webApp).toMatch(/scmMinTlsVersion:\s*'1\.2'/);
    expect(webApp).toMatch(/ftpsState:\s*'Disabled'/);
    expect(webApp).toMatch(/type:\s*'UserAssigned'/);
  });

  it('held: no main.bicep output carries a secret parameter', () => {
    const main = stripBicepComments(fs.readFileSync(path.join(__dirname, '../../infra/main.bicep'), 'utf8'));
    const outputs = [...main.matchAll(/^output\s+\w+\s+\w+\s*=\s*(.+)$/gm)].map((m) => m[1]!);
    expect(outputs.length).toBeGreaterThan(5);
    for (const expr of outputs) expect(expr).not.toMatch(/pollHashKey|reportLinkSecret|botAadAppClientSecret|listKeys|connectionString/i);
  });
});

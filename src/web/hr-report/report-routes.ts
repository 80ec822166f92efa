import type restify from 'restify';
import { verifyLink } from '../../http/signed-link';
import { Locale, Translator } from '../../i18n/i18n';
import type { Logger } from '../../log/logger';
import { checkPeriod, computeFor, HrReportDeps } from '../../usecases/hr-report/hr-report';
import { reportCsv, reportSummary } from './report-files';

export const REPORT_PATHS = { csv: '/reports/hr.csv', summary: '/reports/hr.txt' } as const;

export interface ReportRouteDeps {
  report: HrReportDeps;
  secret: Buffer;
  translator: Translator;
  logger: Logger;
  /** The language of a refusal when the link names none (an invalid link); Dutch when not given. */
  defaultLanguage?: Locale;
}

/**
 * The UTF-8 byte order mark the CSV file starts with: Excel on Windows opens a CSV without it in
 * the system's ANSI code page, so "Ideeën" would read "IdeeÃ«n". The separator stays ',' in every
 * language (numbers keep their '.'): Dutch Excel splits such a file by Data > From Text/CSV.
 */
const UTF8_BOM = '\uFEFF';

const asLocale = (lang: string | undefined): Locale | undefined => (lang === 'en' || lang === 'nl' ? lang : undefined);

/**
 * The HR report downloads. The signed link is the authorisation: only the command (HR only) signs
 * one, for one period, for minutes; a changed or expired link gets 403, in the report's language
 * when the link still tells it (expired), else in the app's default.
 */
export function registerReportRoutes(server: restify.Server, deps: ReportRouteDeps): void {
  const fallback: Locale = deps.defaultLanguage ?? 'nl';
  const serve = (path: string, kind: 'csv' | 'summary') => async (req: restify.Request, res: restify.Response) => {
    // Every answer, the refusal too: a browser must take the text as the type it is sent as.
    res.setHeader('x-content-type-options', 'nosniff');
    const query = Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams.entries());
    const check = await verifyLink(deps.secret, path, query, deps.report.clock.now());
    if (!check.ok) {
      deps.logger.info({ reason: check.reason }, 'report link refused');
      const t = deps.translator.t((check.reason === 'expired' ? asLocale(check.lang) : undefined) ?? fallback);
      res.status(403);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`${t(`hrReport.linkRefused.${check.reason}`)}\n`);
      return;
    }
    try {
      const { from, to, lang, tenant } = check.claims as { from: string; to: string; lang: string; tenant: string };
      const report = await computeFor(deps.report, tenant ?? '', checkPeriod({ from, to }));
      const body = kind === 'csv' ? `${UTF8_BOM}${reportCsv(report)}` : reportSummary(report, deps.translator.t(asLocale(lang) ?? fallback), asLocale(lang) ?? fallback);
      res.status(200);
      res.setHeader('content-type', kind === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="lerend-werken-${from}-${to}.${kind === 'csv' ? 'csv' : 'txt'}"`);
      res.setHeader('cache-control', 'no-store');
      res.end(body);
    } catch (err) {
      deps.logger.error({ err: (err as Error).message }, 'report download failed');
      res.status(500);
      res.end();
    }
  };
  server.get(REPORT_PATHS.csv, serve(REPORT_PATHS.csv, 'csv'));
  server.get(REPORT_PATHS.summary, serve(REPORT_PATHS.summary, 'summary'));
}

import * as fs from 'fs';
import * as path from 'path';
import { bicepFiles, stripBicepComments } from '../infra/bicep-text';

const INFRA = path.resolve(__dirname, '../../infra');

/** Removes string literals ('...', '''...''') from comment-free Bicep, keeping ${...} out of the count. */
function stripStrings(code: string): string {
  return code.replace(/'''[\s\S]*?'''/g, "''").replace(/'(?:\\.|[^'\\])*'/g, "''");
}

/** Every bracket that closes the wrong opener, or never closes, with its line. */
function bracketProblems(source: string, name: string): string[] {
  const code = stripStrings(stripBicepComments(source));
  const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  const stack: { ch: string; line: number }[] = [];
  const problems: string[] = [];
  let line = 1;
  for (const ch of code) {
    if (ch === '\n') line++;
    if (ch === '{' || ch === '[' || ch === '(') stack.push({ ch, line });
    else if (ch in pairs) {
      const open = stack.pop();
      if (!open || open.ch !== pairs[ch]) problems.push(`${name}:${line}: '${ch}' closes ${open ? `'${open.ch}' opened on line ${open.line}` : 'nothing'}`);
    }
  }
  for (const open of stack) problems.push(`${name}:${open.line}: '${open.ch}' never closed`);
  return problems;
}

function fileProblems(file: string): string[] {
  return bracketProblems(fs.readFileSync(file, 'utf8'), path.relative(INFRA, file));
}

/**
 * The Bicep files have balanced braces and brackets. There is no Bicep compiler here, and
 * tests/infra/app-settings.test.ts reads the app settings with a regex that does not notice a
 * missing `}`: the REPORT_LINK_SECRET entry of web-app.bicep's settings array never closed, and
 * `az deployment group create` would have refused the file.
 *
 * Found in review, stop 38.
 */
describe('Bicep brackets are balanced', () => {
  it('every infra/*.bicep file has balanced braces and brackets (the web app settings array included)', () => {
    expect(bicepFiles(INFRA).flatMap(fileProblems)).toEqual([]);
  });

  it('the check notices an app-setting entry that never closes its `}` (the bug it was written for)', () => {
    const unclosed = [
      'var settings = [',
      '  {',
      "    name: 'REPORT_LINK_SECRET'",
      '    value: reportLinkSecret',
      '  // ---- next section ----',
      '  {',
      "    name: 'HR_USER_IDS'",
      "    value: '${hrUserIds}'",
      '  }',
      ']',
    ].join('\n');
    expect(bracketProblems(unclosed, 'fixture.bicep')).toEqual(["fixture.bicep:10: ']' closes '{' opened on line 2", "fixture.bicep:1: '[' never closed"]);
  });

  it('ignores braces inside strings and comments', () => {
    expect(bracketProblems("var url = 'https://${host}/{id}' // a } in a comment\n/* { */", 'fixture.bicep')).toEqual([]);
  });
});

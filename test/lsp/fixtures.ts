// Documents the LSP tests open: the seed's S3 policy with real values, edited the way a user might
// break it (a comment, a trailing comma, a duplicate key: the strict-JSON rules, whose findings
// and fixes do not depend on the rules other engineers add).
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalyzeOptions, Finding, ruleDocsUrl } from '../../server/src/engine';
import { readFixture } from '../helpers';

export const SEED_S3 = readFixture('test', 'fixtures', 'seed-real', 's3-call-recordings.policy.json');

/** The seed's S3 policy with a comment before the first statement's Sid. */
export const WITH_COMMENT = SEED_S3.replace('"Sid": "VisualEditor0",', '// recordings bucket\n      "Sid": "VisualEditor0",');
/** … and with a trailing comma after the last statement. */
export const WITH_COMMENT_AND_COMMA = WITH_COMMENT.replace(/\}\s*\]\s*\}\s*$/, '},\n  ]\n}\n');
/** … and with `Effect` twice in the last statement. */
export const BROKEN = WITH_COMMENT_AND_COMMA.replace('"Sid": "VisualEditor2",', '"Sid": "VisualEditor2",\n      "Effect": "Allow",');

const SEVERITY: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** What the server must publish for `text`: a fresh analysis, mapped to LSP by hand. */
export function expectedDiagnostics(uri: string, text: string, options?: AnalyzeOptions) {
  const doc = TextDocument.create(uri, 'json', 0, text);
  const range = (r: { start: number; end: number }) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });
  return analyze(text, options).findings.map((f: Finding) => ({
    code: f.ruleId,
    severity: SEVERITY[f.severity],
    message: f.message,
    range: range(f.range),
  }));
}

export { ruleDocsUrl };

/**
 * Excel 2016 (ExcelApi 1.1) is the baseline: every Office.js member the Office adapter touches is looked up in
 * @types/office-js, its requirement set read from its JSDoc ("[Api set: ExcelApi 1.13]"), and any member above
 * 1.1 must sit behind a feature flag of at least that set (`features.x`, set from `isSetSupported`): inside
 * `if (features.x)`, `features.x ? … :`, `features.x && …`, or after `if (!features.x) return`. Members of
 * objects that only a newer member hands out (a RangeAreas, a Note) are reached through that member, so the
 * member that hands them out is the one checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const ADAPTER = readdirSync(ROOT + 'addin/workbook')
  .filter((f) => /^office.*\.ts$/.test(f))
  .sort((a, b) => (a === 'office.ts' ? -1 : b === 'office.ts' ? 1 : a.localeCompare(b)))
  .map((f) => `${ROOT}addin/workbook/${f}`);

interface Use {
  member: string;
  version: number;
  file: string;
  line: number;
  guard: string | null;
}

function apiSet(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): number | null {
  if (!symbol) return null;
  for (const tag of symbol.getJsDocTags(checker)) {
    const text = ts.displayPartsToString(tag.text);
    const m = /\[Api set: ExcelApi (\d+)\.(\d+)/.exec(text);
    if (m) return Number(m[1]) + Number(m[2]) / 100;
  }
  return null;
}

/** The ExcelApi version of each feature flag, from `flag: host.isSetSupported('ExcelApi', '1.N')` in office.ts. */
function flagVersions(source: ts.SourceFile): Map<string, number> {
  const flags = new Map<string, number>();
  for (const m of source.text.matchAll(/(\w+): host\.isSetSupported\('ExcelApi', '(\d+)\.(\d+)'\)/g)) {
    flags.set(m[1]!, Number(m[2]) + Number(m[3]) / 100);
  }
  return flags;
}

/** The flags a condition asserts when true (`features.a && features.b`), or when false (`!features.a`). */
function flagsIn(expr: ts.Expression, negated: boolean): string[] {
  if (ts.isParenthesizedExpression(expr)) return flagsIn(expr.expression, negated);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return flagsIn(expr.operand, !negated);
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if ((op === ts.SyntaxKind.AmpersandAmpersandToken && !negated) || (op === ts.SyntaxKind.BarBarToken && negated)) {
      return [...flagsIn(expr.left, negated), ...flagsIn(expr.right, negated)];
    }
    return [];
  }
  if (!negated && ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'features') {
    return [expr.name.text];
  }
  return [];
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.some(exits));

/** Flags known to hold at `node`: from enclosing conditions and from early returns before it. */
function guards(node: ts.Node): string[] {
  const found: string[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement) found.push(...flagsIn(parent.expression, false));
    if (ts.isIfStatement(parent) && child === parent.elseStatement) found.push(...flagsIn(parent.expression, true));
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue) found.push(...flagsIn(parent.condition, false));
    if (ts.isConditionalExpression(parent) && child === parent.whenFalse) found.push(...flagsIn(parent.condition, true));
    if (ts.isBinaryExpression(parent) && child === parent.right && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      found.push(...flagsIn(parent.left, false));
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          found.push(...flagsIn(statement.expression, true));
        }
      }
    }
  }
  return found;
}

function officeUses(): { uses: Use[]; flags: Map<string, number> } {
  const config = ts.getParsedCommandLineOfConfigFile(ROOT + 'tsconfig.json', {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const program = ts.createProgram(ADAPTER, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const office = program.getSourceFile(ADAPTER[0]!)!;
  const flags = flagVersions(office);
  const uses: Use[] = [];
  for (const file of ADAPTER) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        const version = apiSet(symbol, checker);
        const owner = declaration?.parent;
        if (version !== null && owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))) {
          const ownerVersion = apiSet(checker.getSymbolAtLocation(owner.name!), checker) ?? 1.01;
          // A member above its object's own set, on an object Excel 2016 has: the adapter must check for it.
          if (version > 1.01 && ownerVersion <= 1.01) {
            const ok = guards(node).filter((flag) => (flags.get(flag) ?? 0) >= version);
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            uses.push({ member: `${owner.name!.text}.${node.name.text}`, version, file: file.slice(file.lastIndexOf('/') + 1), line: line + 1, guard: ok[0] ?? null });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, flags };
}

describe('the Office adapter on Excel 2016 (ExcelApi 1.1)', () => {
  const { uses, flags } = officeUses();

  it('reads the feature flags and the members above 1.1 it uses', () => {
    expect(flags.get('api12')).toBe(1.02);
    expect(flags.get('mergedAreas')).toBe(1.13);
    const members = new Set(uses.map((u) => u.member));
    for (const m of ['RangeFormat.columnWidth', 'Range.getMergedAreasOrNullObject', 'Range.dataValidation', 'Worksheet.notes']) {
      expect(members).toContain(m);
    }
    expect(readFileSync(ADAPTER[0]!, 'utf8')).toContain('isSetSupported');
  });

  it('uses every member above ExcelApi 1.1 behind a check of its requirement set', () => {
    const unguarded = uses.filter((u) => u.guard === null).map((u) => `${u.file}:${u.line} ${u.member} (ExcelApi 1.${Math.round((u.version - 1) * 100)})`);
    expect(unguarded).toEqual([]);
  });

  it('would catch a member used without its check', () => {
    const node = ts.createSourceFile('x.ts', 'if (features.api12) { a.b; } c.d; if (!features.notes) return; e.f;', ts.ScriptTarget.Latest, true);
    const accesses: ts.PropertyAccessExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && n.expression.getText() !== 'features') accesses.push(n);
      ts.forEachChild(n, visit);
    };
    visit(node);
    expect(accesses.map((a) => [a.getText(), guards(a)])).toEqual([['a.b', ['api12']], ['c.d', []], ['e.f', ['notes']]]);
  });
});

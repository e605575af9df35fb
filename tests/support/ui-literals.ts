/**
 * Finds user-visible text written as a literal in UI code (decision 0035): JSX text, string
 * literals that are JSX children, and the string value of attributes a person reads or hears
 * (`aria-label`, `title`, `placeholder`, `alt`, `label`, …). Text without a letter ("×", "+", "·",
 * "3", "—") is not a word and is allowed. Uses the TypeScript parser, so formatting cannot hide one.
 */
import ts from 'typescript';

/** Attributes whose string value is shown or read out. */
export const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'description',
  'hint',
  'emptyText',
  'confirmLabel',
  'cancelLabel',
  'heading',
  'message',
]);

/** One literal a person would see. */
export type UiLiteral = { file: string; line: number; text: string };

/** A letter of any script: text without one is a symbol or a number. */
const WORD = /\p{L}/u;

function isWord(text: string): boolean {
  return WORD.test(text);
}

/** The visible literals of one TSX source. */
export function findUiLiterals(file: string, source: string): UiLiteral[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: UiLiteral[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!isWord(trimmed)) return;
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: trimmed,
    });
  };
  const stringsOf = (expr: ts.Expression): ts.Node[] => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr];
    if (ts.isTemplateExpression(expr))
      return [expr.head, ...expr.templateSpans.map((s) => s.literal)];
    if (ts.isConditionalExpression(expr))
      return [...stringsOf(expr.whenTrue), ...stringsOf(expr.whenFalse)];
    if (ts.isBinaryExpression(expr)) {
      // Concatenation and fallbacks show both sides; `a && 'x'` shows the right; comparisons none.
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return stringsOf(expr.right);
      const shown = [
        ts.SyntaxKind.PlusToken,
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
      ];
      return shown.includes(op) ? [...stringsOf(expr.left), ...stringsOf(expr.right)] : [];
    }
    if (ts.isParenthesizedExpression(expr)) return stringsOf(expr.expression);
    return [];
  };
  const textOf = (n: ts.Node): string =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
      ? n.text
      : ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)
        ? n.text
        : '';
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      for (const s of stringsOf(node.expression)) report(s, textOf(s));
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      if (init && ts.isJsxExpression(init) && init.expression) {
        for (const s of stringsOf(init.expression)) report(s, textOf(s));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

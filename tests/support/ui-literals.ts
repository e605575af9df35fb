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

/** Calls whose string arguments are never shown (keys, selectors, storage keys, logs). */
const SILENT_CALLS =
  /^(?:t|translateNow|console\.\w+|.*\.(?:querySelector(?:All)?|closest|matches|addEventListener|removeEventListener|getItem|setItem|removeItem|getAttribute|setAttribute|hasAttribute|classList\.\w+|startsWith|endsWith|includes|split|replace|test)|call|invoke|require|import)$/;

/** Comparison operators: `key === 'Escape'` compares, it does not show. */
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Looks like words a person reads: several words, or one capitalised word. */
const PROSE = /(?:\p{L}{2,}[,.:;!?…]*\s+[\p{L}(])|^\s*\p{Lu}\p{Ll}+/u;

/** Properties of UI data tables (options, menus, pickers) whose value a person reads. */
const SHOWN_PROPERTIES = new Set([
  'label',
  'title',
  'description',
  'hint',
  'placeholder',
  'tooltip',
  'caption',
  'heading',
  'message',
  'announce',
]);

/** A literal that is the value of a shown property (`{ label: 'csv' }`): shown even if one word. */
function shownProperty(node: ts.Node): boolean {
  const p = node.parent;
  if (!p || !ts.isPropertyAssignment(p) || p.initializer !== node) return false;
  const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
  return SHOWN_PROPERTIES.has(name) && WORD.test((node as ts.StringLiteral).text);
}

/** Calls that show or read out their argument (screen-reader announcements, status lines). */
const SHOWN_CALLS =
  /^(?:(?:[\w$]+\.)*announce|say|setMessage|setError|setStatus|setNotice|alert|confirm|prompt)$/;

/** A word next to a template's value, across a space (`${n} cards`, `by ${name}`). */
const WORD_BY_VALUE = /^\s+\p{L}{2,}|\p{L}{2,}[,.:;!?…]*\s+$/u;

/** One word in lower case (`'saved'`, `'offline.'`): shown only where a call shows it. */
const LONE_WORD = /^\s*\p{Ll}[\p{Ll}'’-]*[.!?…:]?\s*$/u;

/**
 * Variables and properties whose value is never shown, by name (class names, keys, ids, CSS,
 * selectors, queries, addresses): a template built for one of them names things, it is not prose.
 */
const NOT_SHOWN_NAME =
  /(?:class|classname|cls|css|style|key|id|selector|query|cql|url|href|path|src)s?$/i;

/**
 * Words written as string literals in UI code outside JSX (`.ts` files, e.g. announcements,
 * errors, table labels built in hooks): any literal that reads as prose and is not a comparison
 * operand, a `case` label, an object key, a type, an import or the argument of a call that never
 * shows it (`t`, `console`, DOM selectors, storage keys). The guardrail lists the few literals
 * that read as prose but are not shown, with the reason.
 */
export function findCodeLiterals(file: string, source: string): UiLiteral[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: UiLiteral[] = [];
  /** The expression the literal is part of (through templates, conditionals, `+`, `??`). */
  const whole = (node: ts.Node): ts.Node => {
    let n: ts.Node = node;
    while (
      n.parent &&
      (ts.isTemplateSpan(n.parent) ||
        ts.isTemplateExpression(n.parent) ||
        ts.isConditionalExpression(n.parent) ||
        ts.isParenthesizedExpression(n.parent) ||
        (ts.isBinaryExpression(n.parent) &&
          !COMPARISONS.has(n.parent.operatorToken.kind) &&
          n.parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken))
    ) {
      n = n.parent;
    }
    return n;
  };
  /** Assigned to a variable or property whose name says it is not shown (`cls = `, `el.id =`). */
  const namedNotShown = (n: ts.Node): boolean => {
    const p = n.parent;
    if (!p) return false;
    const name =
      ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)
        ? p.name.text
        : ts.isPropertyAssignment(p) && p.initializer === n
          ? p.name.getText(sf)
          : ts.isBinaryExpression(p) &&
              p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
              p.right === n
            ? p.left.getText(sf)
            : null;
    return name !== null && NOT_SHOWN_NAME.test(name);
  };
  /**
   * A lower-case single word a person still reads: beside a template's value across a space
   * (`${n} selected`), or the whole of what an announcing call is given (`announce('saved')`).
   */
  const loneWordShown = (node: ts.Node, text: string): boolean => {
    const n = whole(node);
    if (namedNotShown(n)) return false;
    const inTemplate =
      ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (inTemplate && WORD_BY_VALUE.test(text)) return true;
    const p = n.parent;
    return (
      LONE_WORD.test(text) &&
      p !== undefined &&
      ts.isCallExpression(p) &&
      p.arguments.includes(n as ts.Expression) &&
      SHOWN_CALLS.test(p.expression.getText(sf))
    );
  };
  const silent = (node: ts.Node): boolean => {
    const n = whole(node);
    const p = n.parent;
    if (!p) return false;
    if (ts.isBinaryExpression(p) && COMPARISONS.has(p.operatorToken.kind)) return true;
    if (ts.isCaseClause(p) || ts.isElementAccessExpression(p) || ts.isLiteralTypeNode(p))
      return true;
    if (ts.isPropertyAssignment(p) && p.name === n) return true;
    // JSX attribute values are `findUiLiterals`' part (visible ones) or never shown (className).
    if (ts.isJsxAttribute(p) || (ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent)))
      return true;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p))
      return true;
    if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression))
      return SILENT_CALLS.test(p.expression.getText(sf));
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isJsxText(node)) return;
    const text =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
        ? node.text
        : null;
    if (
      text !== null &&
      (PROSE.test(text) || shownProperty(node) || loneWordShown(node, text)) &&
      !silent(node)
    ) {
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: text.replace(/\s+/g, ' ').trim(),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

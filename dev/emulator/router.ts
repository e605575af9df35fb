/** Matches a method + path against the route table. */
import type { Route } from './routes/context';

type Compiled = { route: Route; re: RegExp; names: string[] };

/** A compiled route table. */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const src = route.pattern
        .replace(/[.+*?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_m, n: string) => {
          names.push(n);
          return '([^/]+)';
        });
      return { route, re: new RegExp(`^${src}/?$`), names };
    });
  }

  /** The route and params for a request; `methodMismatch` when only the method is wrong. */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { methodMismatch: boolean } {
    let pathMatched = false;
    for (const c of this.compiled) {
      const m = c.re.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, params };
    }
    return { methodMismatch: pathMatched };
  }
}

/**
 * Test-side stand-in for two v2 features the backend uses and the emulator does not answer yet:
 * `GET /pages/{id}?include-properties=true&include-operations=true` (the one call `map/load`
 * makes). Feature-detected: once the emulator includes `properties` / `operations` itself this
 * adds nothing. It reuses the emulator's own store, shapes and permission rules, and adds no
 * request to the emulator's log. (Requested from the emulator owner; remove when it lands.)
 *
 * It also runs writes one at a time: the emulator's PUT handlers read the current version before
 * awaiting the request body, so two concurrent PUTs of version N+1 could both pass the check
 * (Confluence is atomic there). Reported to the emulator owner; harmless once fixed.
 */
import type { Emulator, Principal } from '../../../dev/emulator';
import { canEditPage, canViewPage } from '../../../dev/emulator/permissions';
import { v2Property } from '../../../dev/emulator/shapes';
import type { EmulatorLike } from '../../../dev/forge-runtime';

const PAGE = /^\/wiki\/api\/v2\/pages\/(\d+)$/;

/** The emulator, with page includes filled in when it leaves them out. */
export function withPageIncludes(emulator: Emulator): EmulatorLike {
  let writes: Promise<unknown> = Promise.resolve();
  const serialised = (req: Request, principal: Principal): Promise<Response> => {
    if (req.method === 'GET') return emulator.handle(req, principal);
    const run = writes.then(() => emulator.handle(req, principal));
    writes = run.catch(() => undefined);
    return run;
  };
  return {
    async handle(req: Request, principal: Principal): Promise<Response> {
      const url = new URL(req.url);
      const match = PAGE.exec(url.pathname);
      const response = await serialised(req, principal);
      if (req.method !== 'GET' || !match || response.status !== 200) return response;
      const wantsProps = url.searchParams.get('include-properties') === 'true';
      const wantsOps = url.searchParams.get('include-operations') === 'true';
      if (!wantsProps && !wantsOps) return response;
      const body = (await response.json()) as Record<string, unknown>;
      const page = emulator.store.get('pages', match[1] ?? '');
      if (page && wantsProps && body.properties === undefined) {
        const all = emulator.store.propertiesOf('page', page.id);
        body.properties = {
          results: all.slice(0, 50).map(v2Property),
          meta: { hasMore: all.length > 50 },
          _links: {},
        };
      }
      if (page && wantsOps && body.operations === undefined) {
        const results = [];
        if (canViewPage(emulator.store, principal, page))
          results.push({ operation: 'read', targetType: 'page' });
        if (canEditPage(emulator.store, principal, page)) {
          results.push(
            { operation: 'update', targetType: 'page' },
            { operation: 'delete', targetType: 'page' },
          );
        }
        body.operations = { results, meta: { hasMore: false }, _links: {} };
      }
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    },
  };
}

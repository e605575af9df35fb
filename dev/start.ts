/**
 * `npm start`: the local Forge host with the demo site. Flags: `--reset` empties the store and
 * reseeds. Environment: `PORT` (default 3000), `RESOURCE_PORT` (the app's frames, Forge's CDN
 * here: another origin than the page's; default PORT + 1), `LATENCY_MS` (added to every request
 * the host answers, default 0: a slow network's round trip). Data lives in `.dev-data/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const resourcePort = Number(process.env.RESOURCE_PORT ?? port + 1);
const reset = process.argv.includes('--reset');

const host = await startHost({
  port,
  resourcePort,
  dataDir: path.join(root, '.dev-data'),
  reset,
  publicUrl: `http://localhost:${port}`,
  // A real site's CQL index lags content property writes by seconds; so does `npm start`'s.
  cqlLagMs: Number(process.env.CQL_LAG_MS ?? 3000),
  // ASSET_CACHE=immutable: hashed assets cached for a year (not verified for Forge: 0044).
  assetCache: process.env.ASSET_CACHE === 'immutable' ? 'immutable' : 'revalidate',
  latencyMs: Number(process.env.LATENCY_MS ?? 0),
  log: (m) => console.log(m),
});

const local = `http://localhost:${port}`;
console.log(`
Journey Maps (local) is running at ${local}
  Spaces:           ${local}/
  Space CX:         ${local}/wiki/spaces/CX
  Journey maps:     ${local}/wiki/spaces/CX/apps/${host.manifest.spacePage.route}
  REST (curl):      curl -u admin@example.com:x ${local}/wiki/api/v2/spaces
Users (switch in the top bar): admin@example.com, editor@example.com, viewer@example.com, outsider@example.com, lin@example.com (works in zh-CN)
The app's frames come from http://localhost:${resourcePort} (Forge's CDN here; forward both ports).
Data: ${path.join(root, '.dev-data')}${reset ? ' (reset)' : ''}. Ctrl+C to stop.${
  process.env.LATENCY_MS
    ? `\nEvery request is answered ${process.env.LATENCY_MS} ms late (LATENCY_MS).`
    : ''
}`);

const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

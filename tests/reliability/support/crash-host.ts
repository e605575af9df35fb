/**
 * Child process of the crash-safety test: the local host (`startHost`, what `npm start` runs)
 * over an existing data dir, on a free port; prints `READY <url>` once it listens, then serves
 * until it is killed. Usage: tsx crash-host.ts <dataDir>
 */
import { startHost } from '../../../dev/host/index';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-host <dataDir>');
const host = await startHost({ port: 0, dataDir, seed: false });
process.stdout.write(`READY ${host.url}\n`);

/**
 * Child process for the kill -9 test: writes properties and attachments through the emulator in
 * a loop and prints "ACK <key> <version>" only after each write was acknowledged.
 * Usage: tsx kill-writer.ts <dataDir> <pageId>
 */
import { createEmulator } from '../../../dev/emulator/index';

const [dataDir, pageId] = process.argv.slice(2);
if (!dataDir || !pageId) throw new Error('usage: kill-writer <dataDir> <pageId>');

const emu = await createEmulator({ dataDir, compactBytes: 64 * 1024 });
const as = { kind: 'user' as const, accountId: 'acc-editor' };
const base = `http://e/wiki/api/v2/pages/${pageId}/properties`;
const ids = new Map<string, { id: string; version: number }>();

for (let i = 0; ; i += 1) {
  const key = `k${i % 40}`;
  const value = { i, pad: 'x'.repeat(2000 + (i % 7) * 500) };
  const known = ids.get(key);
  const res = known
    ? await emu.handle(
        new Request(`${base}/${known.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key, value, version: { number: known.version + 1 } }),
        }),
        as,
      )
    : await emu.handle(
        new Request(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key, value }),
        }),
        as,
      );
  if (res.status !== 200) throw new Error(`write failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; version: { number: number } };
  ids.set(key, { id: body.id, version: body.version.number });
  process.stdout.write(`ACK ${key} ${body.version.number} ${i}\n`);
  if (i % 10 === 0) {
    const form = new FormData();
    const name = `f${(i / 10) % 5}.bin`;
    form.append(
      'file',
      new File([new Uint8Array(3000).fill(i % 256)], name, { type: 'application/octet-stream' }),
    );
    const up = await emu.handle(
      new Request(`http://e/wiki/rest/api/content/${pageId}/child/attachment`, {
        method: 'PUT',
        headers: { 'X-Atlassian-Token': 'no-check' },
        body: form,
      }),
      as,
    );
    if (up.status !== 200) throw new Error(`upload failed: ${up.status}`);
    process.stdout.write(`ATT ${name} ${i % 256}\n`);
  }
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import { parseJournal } from '../../../dev/emulator/store/journal';
import { EDITOR, call } from './helpers';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cjm-emu-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('durable store', () => {
  it('survives a close and reopen (pages, properties, restrictions, attachments)', async () => {
    const dataDir = tempDir();
    const a = await createEmulator({ dataDir });
    const page = a.store.createPage({ spaceKey: 'CX', title: 'Kept', authorId: 'acc-admin' });
    a.store.restrictPage({ pageId: page.id, edit: ['acc-admin'] });
    const created = await call<{ id: string }>(
      a,
      'POST',
      `/wiki/api/v2/pages/${page.id}/properties`,
      { body: { key: 'k', value: { v: 1 } } },
    );
    await call(a, 'PUT', `/wiki/api/v2/pages/${page.id}/properties/${created.body.id}`, {
      body: { key: 'k', value: { v: 2 }, version: { number: 2 } },
    });
    a.store.addAttachment({
      pageId: page.id,
      fileName: 'a.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode('abc'),
    });
    await a.close();

    const b = await createEmulator({ dataDir });
    const got = await call<{ value: unknown; version: { number: number } }>(
      b,
      'GET',
      `/wiki/api/v2/pages/${page.id}/properties/${created.body.id}`,
    );
    expect(got.body).toMatchObject({ value: { v: 2 }, version: { number: 2 } });
    expect(b.store.get('pages', page.id)?.editRestriction).toEqual(['acc-admin']);
    const dl = await b.handle(
      new Request(`http://e/wiki/download/attachments/${page.id}/a.txt`),
      EDITOR,
    );
    expect(await dl.text()).toBe('abc');
    // New ids never collide with old ones after reopen.
    const next = b.store.createPage({ spaceKey: 'CX', title: 'New', authorId: 'acc-admin' });
    expect(Number(next.id)).toBeGreaterThan(Number(created.body.id));
    expect(b.store.counts().users).toBe(4);
    await b.close();
  });

  it('replays the journal without a clean close and compacts when it grows', async () => {
    const dataDir = tempDir();
    const a = await createEmulator({ dataDir, compactBytes: 10_000 });
    const page = a.store.createPage({ spaceKey: 'CX', title: 'P', authorId: 'acc-admin' });
    for (let i = 0; i < 50; i += 1) {
      await call(a, 'POST', `/wiki/api/v2/pages/${page.id}/properties`, {
        body: { key: `k${i}`, value: 'y'.repeat(500) },
      });
    }
    expect(fs.existsSync(path.join(dataDir, 'snapshot.json'))).toBe(true);
    // No close(): simulate a crash by opening a second instance over the same files.
    const b = await createEmulator({ dataDir });
    expect(b.store.propertiesOf('page', page.id)).toHaveLength(50);
    await b.close();
  });

  it('ignores a torn last journal line and keeps appending cleanly', async () => {
    const dataDir = tempDir();
    const a = await createEmulator({ dataDir });
    const page = a.store.createPage({ spaceKey: 'CX', title: 'P', authorId: 'acc-admin' });
    await a.flush();
    const journal = fs.readdirSync(dataDir).find((f) => f.startsWith('journal-'));
    expect(journal).toBeDefined();
    fs.appendFileSync(path.join(dataDir, journal ?? ''), '{"op":"put","c":"pages","v":{"id":"9');
    const b = await createEmulator({ dataDir });
    expect(b.store.get('pages', page.id)?.title).toBe('P');
    b.store.createPage({ spaceKey: 'CX', title: 'After tear', authorId: 'acc-admin' });
    await b.flush();
    const c = await createEmulator({ dataDir });
    expect([...c.store.all('pages')].map((p) => p.title)).toContain('After tear');
    await c.close();
    expect(() => parseJournal('{"op":"clear","seq":1}\n{broken\n{"op":"clear","seq":2}\n')).toThrow(
      /corrupt/,
    );
  });

  it('loses nothing acknowledged when the writer is killed with SIGKILL mid-write', async () => {
    const dataDir = tempDir();
    const seed = await createEmulator({ dataDir });
    const pageId = seed.store.createPage({
      spaceKey: 'CX',
      title: 'Target',
      authorId: 'acc-admin',
    }).id;
    await seed.close();

    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, pageId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, number>();
    const attachments = new Map<string, number>();
    let lines = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const [kind, key, num] = buf.slice(0, nl).split(' ');
          buf = buf.slice(nl + 1);
          if (kind === 'ACK') acked.set(key ?? '', Number(num));
          if (kind === 'ATT') attachments.set(key ?? '', Number(num));
          lines += 1;
          // Let it run well past several compactions, then kill it mid-stream.
          if (lines === 600) {
            child.kill('SIGKILL');
          }
        }
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`)),
      );
    });
    expect(acked.size).toBe(40);
    expect(attachments.size).toBe(5);
    const snapshot = JSON.parse(fs.readFileSync(path.join(dataDir, 'snapshot.json'), 'utf8')) as {
      generation: number;
    };
    expect(snapshot.generation).toBeGreaterThan(2);

    const after = await createEmulator({ dataDir });
    const props = after.store.propertiesOf('page', pageId);
    for (const [key, version] of acked) {
      const p = props.find((x) => x.key === key);
      // Acknowledged versions are present; a write in flight at the kill may have landed too.
      expect(p?.version.number, key).toBeGreaterThanOrEqual(version);
      expect(p?.version.number, key).toBeLessThanOrEqual(version + 1);
    }
    for (const [name, fill] of attachments) {
      const att = after.store.attachmentsOf(pageId).find((a) => a.title === name);
      const bytes = att ? after.store.readBlob(att.blob) : null;
      expect(bytes?.length, name).toBe(3000);
      // The last acknowledged content, or the next upload of that name if it was in flight.
      expect([fill, (fill + 50) % 256], name).toContain(bytes?.[0]);
    }
    // The reopened store is writable and consistent.
    const first = props[0];
    const put = await call(after, 'PUT', `/wiki/api/v2/pages/${pageId}/properties/${first?.id}`, {
      as: EDITOR,
      body: { key: first?.key, value: 1, version: { number: (first?.version.number ?? 0) + 1 } },
    });
    expect(put.status).toBe(200);
    await after.close();
  });
});

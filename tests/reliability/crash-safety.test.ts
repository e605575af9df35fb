/**
 * Crash safety: the local host (a child process running `startHost` over a data dir) is killed
 * with SIGKILL in the middle of concurrent writes (property creates and updates, attachment
 * uploads over HTTP), again and again. Each time the store must open, and every write the host
 * acknowledged before the kill must be there.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../dev/emulator';
import { recordFigure } from './support/figures';
import { PARAMS, SEED, prng } from './support/params';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cjm-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Acked = { id: string; version: number; n: number };

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(__dirname, 'support/crash-host.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\S+)/.exec(buf);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`host exited ${String(code)} before ready: ${err}`)),
    );
  });
  return { child, url };
}

describe('the local host killed with SIGKILL mid-write', () => {
  it(`opens and keeps every acknowledged write, ${PARAMS.kills} kills`, async () => {
    const seed = await createEmulator({ dataDir });
    const pageId = seed.store.createPage({
      spaceKey: 'CX',
      title: 'Crash target',
      authorId: 'acc-editor',
    }).id;
    await seed.close();

    const random = prng(SEED + 3);
    const props = new Map<string, Acked>();
    const uploads = new Map<string, number>();
    const inFlight = new Map<string, number>();
    let ackedWrites = 0;
    let failedWrites = 0;
    const headers = {
      'x-emulator-principal': 'user:acc-editor',
      'content-type': 'application/json',
    };

    for (let round = 0; round < PARAMS.kills; round++) {
      const { child, url } = await startChild();
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      let alive = true;
      const base = `${url}/wiki/api/v2/pages/${pageId}/properties`;

      const writer = async (w: number): Promise<void> => {
        for (let i = 0; alive; i++) {
          const key = `r${w}_${i % 25}`;
          const known = props.get(key);
          const n = ackedWrites + failedWrites;
          const value = { n, pad: 'x'.repeat(500 + Math.floor(random() * 3000)) };
          try {
            if (i % 15 === 7) {
              const form = new FormData();
              const name = `w${w}.bin`;
              form.append('file', new File([new Uint8Array(2048).fill(n % 256)], name));
              inFlight.set(name, n % 256);
              const res = await fetch(`${url}/wiki/rest/api/content/${pageId}/child/attachment`, {
                method: 'PUT',
                headers: {
                  'x-emulator-principal': 'user:acc-editor',
                  'X-Atlassian-Token': 'no-check',
                },
                body: form,
              });
              if (res.status !== 200) throw new Error(`upload ${res.status}`);
              uploads.set(name, n % 256);
            } else {
              const res = known
                ? await fetch(`${base}/${known.id}`, {
                    method: 'PUT',
                    headers,
                    body: JSON.stringify({ key, value, version: { number: known.version + 1 } }),
                  })
                : await fetch(base, {
                    method: 'POST',
                    headers,
                    body: JSON.stringify({ key, value }),
                  });
              if (res.status !== 200) throw new Error(`write ${res.status}: ${await res.text()}`);
              const body = (await res.json()) as { id: string; version: { number: number } };
              props.set(key, { id: body.id, version: body.version.number, n });
            }
            ackedWrites += 1;
          } catch {
            // The kill cut this request: not acknowledged, so nothing is promised about it.
            failedWrites += 1;
            return;
          }
        }
      };
      const writers = [0, 1, 2].map((w) => writer(w));
      await new Promise((r) => setTimeout(r, 200 + Math.floor(random() * 800)));
      child.kill('SIGKILL');
      alive = false;
      await exited;
      await Promise.all(writers);

      // The store opens, and every acknowledged write is there.
      const after = await createEmulator({ dataDir });
      const stored = after.store.propertiesOf('page', pageId);
      for (const [key, acked] of props) {
        const p = stored.find((x) => x.key === key);
        // The acknowledged version, or the next one if a write of it was in flight at the kill.
        expect(p?.version.number, `${key} after kill ${round + 1}`).toBeGreaterThanOrEqual(
          acked.version,
        );
        expect(p?.version.number, key).toBeLessThanOrEqual(acked.version + 1);
        if (p?.version.number === acked.version)
          expect((p.value as { n: number }).n, key).toBe(acked.n);
        else
          props.set(key, {
            id: p?.id ?? acked.id,
            version: p?.version.number ?? 0,
            n: (p?.value as { n: number }).n,
          });
      }
      for (const [name, fill] of uploads) {
        const att = after.store.attachmentsOf(pageId).find((a) => a.title === name);
        expect(att, `${name} after kill ${round + 1}`).toBeDefined();
        const bytes = att ? after.store.readBlob(att.blob) : null;
        expect(bytes?.length, name).toBe(2048);
        // The acknowledged content, or the upload that was in flight at the kill.
        expect([fill, inFlight.get(name)], name).toContain(bytes?.[0]);
        uploads.set(name, bytes?.[0] ?? -1);
      }
      await after.close();
    }
    recordFigure('crash-safety', {
      kills: PARAMS.kills,
      ackedWrites,
      cutWrites: failedWrites,
      keysChecked: props.size,
      attachmentsChecked: uploads.size,
    });
    expect(ackedWrites).toBeGreaterThan(PARAMS.kills * 5);
    expect(props.size).toBeGreaterThan(10);
  });
});

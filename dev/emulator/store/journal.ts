/**
 * Durable storage for the emulator: an append-only JSON-lines journal (fsync per commit) plus a
 * snapshot written through temp file + fsync + rename. A crash mid-write can only tear the last
 * journal line, which is dropped on open; nothing acknowledged (fsynced) is lost.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CollectionName, Mutation, RecordOf } from '../types';

/** What a snapshot file holds. */
export type SnapshotData = {
  format: 1;
  generation: number;
  seq: number;
  collections: { [C in CollectionName]: RecordOf[C][] };
};

/** What opening a data directory yields: the last snapshot and the journal written after it. */
export type OpenedJournal = {
  snapshot: SnapshotData | null;
  snapshotBytes: number;
  mutations: Mutation[];
};

const SNAPSHOT = 'snapshot.json';

function fsyncDir(dir: string): void {
  // Directory fsync makes the rename itself durable; some platforms refuse it, which is harmless.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

function writeFileDurably(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Parses journal text; a torn (unparseable) last line is ignored, anything torn earlier is corruption. */
export function parseJournal(text: string): { mutations: Mutation[]; validBytes: number } {
  const mutations: Mutation[] = [];
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(offset, end);
    const isLast = nl === -1 || nl === text.length - 1;
    if (line.trim() !== '') {
      try {
        mutations.push(JSON.parse(line) as Mutation);
      } catch (error) {
        if (isLast) break;
        throw new Error(`emulator journal is corrupt at byte ${offset}: ${String(error)}`);
      }
    }
    if (nl === -1) {
      // A complete JSON object without its newline: the write finished except the terminator.
      offset = text.length;
      break;
    }
    offset = nl + 1;
  }
  return { mutations, validBytes: Buffer.byteLength(text.slice(0, offset), 'utf8') };
}

/** The files of one data directory. */
export class Journal {
  private fd: number;
  private generation: number;
  private bytes: number;

  private constructor(
    private readonly dir: string,
    generation: number,
  ) {
    this.generation = generation;
    const file = this.journalPath(generation);
    this.fd = fs.openSync(file, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  /** Opens (creating if needed) a data directory and returns what it holds. */
  static open(dir: string): { journal: Journal; opened: OpenedJournal } {
    fs.mkdirSync(path.join(dir, 'blobs'), { recursive: true });
    const snapFile = path.join(dir, SNAPSHOT);
    const snapText = fs.existsSync(snapFile) ? fs.readFileSync(snapFile, 'utf8') : null;
    const snapshot = snapText === null ? null : (JSON.parse(snapText) as SnapshotData);
    const generation = snapshot?.generation ?? 0;
    const file = path.join(dir, `journal-${generation}.jsonl`);
    let mutations: Mutation[] = [];
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      const parsed = parseJournal(text);
      mutations = parsed.mutations;
      if (parsed.validBytes < Buffer.byteLength(text, 'utf8')) {
        // Cut the torn tail so new lines never follow garbage.
        fs.truncateSync(file, parsed.validBytes);
      } else if (text.length > 0 && !text.endsWith('\n')) {
        fs.appendFileSync(file, '\n');
      }
    }
    for (const name of fs.readdirSync(dir)) {
      const m = /^journal-(\d+)\.jsonl$/.exec(name);
      if (m && Number(m[1]) < generation) fs.rmSync(path.join(dir, name), { force: true });
      if (name.includes('.tmp-')) fs.rmSync(path.join(dir, name), { force: true });
    }
    return {
      journal: new Journal(dir, generation),
      opened: { snapshot, snapshotBytes: snapText?.length ?? 0, mutations },
    };
  }

  private journalPath(generation: number): string {
    return path.join(this.dir, `journal-${generation}.jsonl`);
  }

  /** Bytes in the current journal (drives compaction). */
  get size(): number {
    return this.bytes;
  }

  /** Appends mutations and fsyncs: once this returns they survive kill -9. */
  append(mutations: readonly Mutation[]): void {
    if (mutations.length === 0) return;
    const text = mutations.map((m) => JSON.stringify(m)).join('\n') + '\n';
    const buf = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buf.length) written += fs.writeSync(this.fd, buf, written);
    fs.fsyncSync(this.fd);
    this.bytes += buf.length;
  }

  /** Writes a snapshot of the whole state and starts a fresh journal generation. */
  compact(data: Omit<SnapshotData, 'generation' | 'format'>): number {
    const next = this.generation + 1;
    const snapshot: SnapshotData = { format: 1, generation: next, ...data };
    // Open the next journal first so that once the snapshot names it, it exists.
    const nextFd = fs.openSync(this.journalPath(next), 'w');
    fs.fsyncSync(nextFd);
    const text = JSON.stringify(snapshot);
    writeFileDurably(path.join(this.dir, SNAPSHOT), text);
    fs.closeSync(this.fd);
    fs.rmSync(this.journalPath(this.generation), { force: true });
    this.fd = nextFd;
    this.generation = next;
    this.bytes = 0;
    return text.length;
  }

  /** Stores attachment bytes under their hash (durable before the journal line that names them). */
  writeBlob(bytes: Uint8Array): string {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = path.join(this.dir, 'blobs', hash);
    if (!fs.existsSync(file)) writeFileDurably(file, bytes);
    return hash;
  }

  /** Reads attachment bytes. */
  readBlob(hash: string): Uint8Array | null {
    const file = path.join(this.dir, 'blobs', hash);
    return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
  }

  /** Closes the journal file. */
  close(): void {
    fs.closeSync(this.fd);
  }
}

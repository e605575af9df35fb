/** What the numbers were measured on, printed with them so they can be compared honestly. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The machine and runtimes of this run. */
export type Machine = {
  cpus: string;
  cpuCount: number;
  memoryGiB: number;
  platform: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started and ended: other work skews timed rows. */
  loadAverage: { start: number; end: number };
};

/** Describes this machine; `chromiumVersion` comes from the launched browser when known. */
export function describeMachine(chromiumVersion: string | null, loadAtStart: number): Machine {
  const cpus = os.cpus();
  let chromium = chromiumVersion ?? '';
  if (!chromium) {
    try {
      chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      chromium = 'not found';
    }
  }
  return {
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    loadAverage: { start: loadAtStart, end: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
  };
}

/** The current 1-minute load average, rounded. */
export function loadNow(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/**
 * A background loop that keeps injecting emulator faults (409, 429, 500) and varying latency
 * while a scenario runs, paced by the emulator's request count (one burst per `everyRequests`
 * requests) so that a slow, loaded machine sees the same fault rate as a fast one.
 */
import type { Emulator } from '../../../dev/emulator';

/** A running chaos loop. */
export type Chaos = { injected: Record<string, number>; stop(): void };

/** Starts injecting a burst of 1–3 faults into `emulator` every `everyRequests` requests. */
export function startChaos(args: {
  emulator: Emulator;
  random: () => number;
  everyRequests: number;
  maxLatencyMs: number;
}): Chaos {
  const { emulator, random } = args;
  const injected: Record<string, number> = { '409': 0, '429': 0, '500': 0 };
  let last = emulator.log.count();
  const timer = setInterval(() => {
    const seen = emulator.log.count();
    if (seen - last < args.everyRequests) return;
    last = seen;
    const roll = random();
    const count = 1 + Math.floor(random() * 3);
    if (roll < 0.4) {
      // Conflicts on property writes; now and then more than the resolver's own retries absorb.
      const n = random() < 0.15 ? 6 : count;
      emulator.faults.inject({ status: 409, count: n, match: { method: 'PUT' } });
      injected['409'] = (injected['409'] ?? 0) + n;
    } else if (roll < 0.7) {
      emulator.faults.inject({ status: 429, count, retryAfterSeconds: 0 });
      injected['429'] = (injected['429'] ?? 0) + count;
    } else {
      const method = random() < 0.5 ? 'GET' : 'PUT';
      emulator.faults.inject({ status: 500, count, match: { method } });
      injected['500'] = (injected['500'] ?? 0) + count;
    }
    emulator.faults.latency(Math.floor(random() * args.maxLatencyMs));
  }, 5);
  return {
    injected,
    stop() {
      clearInterval(timer);
      emulator.faults.clear();
    },
  };
}

/**
 * The Rovo agent as the manifest declares it (decision 0033): its prompt file names exactly the
 * actions the agent lists, the manifest's actions are the ones the code implements, every
 * action is a GET (read-only; automation may call it), and each function's handler is exported.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as entry from '../../src/index';
import { ROVO_ACTION_KEYS } from '../../src/resolvers/rovo/actions';
import { readRepoFile } from '../support/repo-files';

type Manifest = {
  modules: {
    'rovo:agent': { key: string; name: string; prompt: string; actions: string[] }[];
    action: { key: string; function: string; actionVerb: string; description: string }[];
    function: { key: string; handler: string }[];
  };
  resources: { key: string; path: string }[];
};
const manifest = parse(readRepoFile('manifest.yml')) as Manifest;
const agent = manifest.modules['rovo:agent'][0];

describe('Rovo agent', () => {
  it('has a name of at most 30 characters and a prompt stored as a file', () => {
    expect(agent?.name).toBe('Journey map analyst');
    expect(agent?.name.length).toBeLessThanOrEqual(30);
    const m = /^resource:([^;]+);(.+)$/.exec(agent?.prompt ?? '');
    const resource = manifest.resources.find((r) => r.key === m?.[1]);
    expect(resource).toBeDefined();
    expect(readRepoFile(`${resource?.path}/${m?.[2]}`).length).toBeGreaterThan(200);
  });

  it('lists exactly the implemented actions, and the prompt names exactly those', () => {
    expect([...(agent?.actions ?? [])].sort()).toEqual([...ROVO_ACTION_KEYS].sort());
    expect(manifest.modules.action.map((a) => a.key).sort()).toEqual([...ROVO_ACTION_KEYS].sort());
    const prompt = readRepoFile('rovo/journey-map-analyst.md');
    const named = [...prompt.matchAll(/^- ([a-z-]+):/gm)].map((x) => x[1]);
    expect(named.sort()).toEqual([...ROVO_ACTION_KEYS].sort());
  });

  it('declares every action read-only (GET) with a short description', () => {
    for (const action of manifest.modules.action) {
      expect(action.actionVerb).toBe('GET');
      expect(action.description.length).toBeLessThanOrEqual(255);
    }
  });

  it('exports the handler of every function an action or the byline names', () => {
    const exported = entry as Record<string, unknown>;
    for (const fn of manifest.modules.function) {
      const name = fn.handler.slice(fn.handler.indexOf('.') + 1);
      expect(typeof exported[name], fn.handler).toBe('function');
    }
  });
});

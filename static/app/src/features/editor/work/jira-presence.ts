/**
 * Whether this person can use Jira from this map at all, asked before a control offers to
 * create work (decision 0046): a map without links makes no status search, so without this one
 * `jira/projects` look the controls would only find out by failing.
 */
import type { MapAddress } from '@contract';
import type { Transport } from '../../../bridge/transport';

/** Null when Jira answers; else the reason to show instead of the controls. */
export async function jiraUnavailable(
  transport: Transport,
  address: MapAddress,
): Promise<string | null> {
  const res = await transport.call('jira/projects', address);
  if (!res.ok) return res.error.message;
  return res.data.available ? null : res.data.reason;
}

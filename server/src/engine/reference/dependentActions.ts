// Dependent actions: the other permissions an action needs to succeed, from the service
// authorization reference as of December 2025 (AWS dropped that column afterwards; see
// scripts/dependentActions.ts, which writes the data file). The file is imported so the bundler
// inlines it: about 165 KB, 22 KB compressed, and no file to find at run time.
import data from './data/dependent-actions.json';
import { StringMemo } from '../memo';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Where the list comes from, and the month of the snapshot as hovers show it ("December 2025").
 *  A function, like the lookup: nothing reads the data at load time, so a bundle that never asks
 *  (the VS Code client, which shares the engine's modules) leaves the data out. */
export function dependentActionsSnapshot(): { source: string; version: string; updatedAt: string; month: string } {
  return {
    source: data.source,
    version: data.version,
    updatedAt: data.updatedAt,
    month: `${MONTHS[Number(data.updatedAt.slice(5, 7)) - 1] ?? 'unknown month'} ${data.updatedAt.slice(0, 4)}`,
  };
}

/** Per service, the actions keyed by lower-case name; built once per service on first use. */
const lowered = new StringMemo<Map<string, readonly string[]>>();

/**
 * The dependent actions of `service:action` (case-insensitive, as the reference's action names
 * are), sorted; empty when the snapshot lists none or does not know the action.
 */
export function dependentActionsOf(service: string, action: string): readonly string[] {
  const prefix = service.toLowerCase();
  // Only the snapshot's services get an entry, so the cache is bounded by the data, not the input.
  const services = data.services as Record<string, Record<string, string[]>>;
  if (!Object.prototype.hasOwnProperty.call(services, prefix)) return [];
  const actions = lowered.getOrCompute(prefix, (own) => new Map(Object.entries(services[own]).map(([name, deps]) => [name.toLowerCase(), deps])));
  return actions.get(action.toLowerCase()) ?? [];
}

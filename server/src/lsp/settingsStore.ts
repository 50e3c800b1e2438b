// Where settings come from. With the `workspace/configuration` capability they are pulled per
// document (rules and globs are resource-scoped), cached until the client says they changed;
// without it, the server uses what `didChangeConfiguration` or the initialization options carried.
import { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, sectionOf, Settings } from './settings';

export class SettingsStore {
  private global: Settings = { ...DEFAULT_SETTINGS };
  private readonly perUri = new Map<string, Promise<Settings>>();
  pull = false;

  constructor(private readonly connection: Connection) {}

  /** Settings sent along with `initialize` (clients without configuration support). */
  setInitial(initializationOptions: unknown): void {
    const section = sectionOf(initializationOptions);
    if (section !== undefined) this.global = normalizeSettings(section);
  }

  get(uri?: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    const key = uri ?? '';
    let pending = this.perUri.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: 'connectIam' } : { section: 'connectIam' })
        .then(normalizeSettings, (err: unknown) => {
          this.connection.console.error(`Could not read the connectIam settings: ${String(err)}`);
          this.perUri.delete(key); // ask again next time
          return this.global;
        });
      this.perUri.set(key, pending);
    }
    return pending;
  }

  /** On `workspace/didChangeConfiguration`: forget what was pulled, keep what was pushed. */
  changed(payload: unknown): void {
    this.perUri.clear();
    const section = sectionOf(payload);
    if (section !== undefined) this.global = normalizeSettings(section);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}

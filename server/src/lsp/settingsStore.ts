// Where settings come from. With the `workspace/configuration` capability they are pulled per
// document (rules and globs are resource-scoped), cached until the client says they changed;
// without it, the server uses what `didChangeConfiguration` or the initialization options carried.
import { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, restrictForUntrusted, sectionOf, Settings } from './settings';

export class SettingsStore {
  private global: Settings = { ...DEFAULT_SETTINGS };
  private readonly perUri = new Map<string, Promise<Settings>>();
  pull = false;
  /** False when the client said the workspace is not trusted (VS Code's Restricted Mode). */
  private trusted = true;

  constructor(private readonly connection: Connection) {}

  /** Settings sent along with `initialize` (clients without configuration support). */
  setInitial(initializationOptions: unknown): void {
    const section = sectionOf(initializationOptions);
    if (section !== undefined) this.global = this.restrict(normalizeSettings(section));
  }

  /** Workspace trust, from the initialization options: `{ "workspaceTrusted": false }` (what the
   *  VS Code client sends in Restricted Mode). Clients that say nothing are trusted: other editors
   *  have no such notion, and their settings are the user's own. */
  setTrust(initializationOptions: unknown): void {
    const o = initializationOptions as { workspaceTrusted?: unknown } | null | undefined;
    this.trusted = !(o && typeof o === 'object' && o.workspaceTrusted === false);
    this.global = this.restrict(this.global);
  }

  /** In an untrusted workspace, settings that cost time are held to what the defaults allow (the
   *  values may come from the workspace's own .vscode/settings.json). */
  private restrict(s: Settings): Settings {
    return this.trusted ? s : restrictForUntrusted(s);
  }

  get(uri?: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    const key = uri ?? '';
    let pending = this.perUri.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: 'connectIam' } : { section: 'connectIam' })
        .then((raw) => this.restrict(normalizeSettings(raw)), (err: unknown) => {
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
    if (section !== undefined) this.global = this.restrict(normalizeSettings(section));
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}

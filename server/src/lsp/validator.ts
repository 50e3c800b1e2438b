// Diagnostics: analyse a document some milliseconds after the user stops typing, and publish only
// if nothing newer happened meanwhile. Each schedule bumps the document's generation; a run whose
// generation is stale, or whose document version moved on, publishes nothing.
import { Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCancelled } from './analysisWorker';
import { Analyzer } from './analyzer';
import { sendStatus, withProgress } from './analysisStatus';
import { analysisFailedDiagnostic, ClientReportedRules, outOfMemoryDiagnostic, publishedDiagnostics, tooLargeDiagnostic } from './diagnostics';
import { SettingsStore } from './settingsStore';
import { RawJson } from './rawJson';
import { rawDiagnostics } from './workerSession';

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  /** One counter for all documents, so a document closed and reopened never reuses a generation
   *  that stale work still holds. */
  private counter = 0;
  /** Documents that currently show our diagnostics (to clear them later). */
  private readonly published = new Set<string>();
  /** What the client's editor reports itself (set from the initialization options; the
   *  analyzer's, whose worker leaves those findings out of what it sends). */
  readonly clientReported: ClientReportedRules;

  constructor(
    private readonly connection: Connection,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer,
  ) {
    this.clientReported = analyzer.clientReported;
  }

  /** Analyse after the debounce delay (`immediate`: as soon as the settings are known). */
  schedule(uri: string, immediate = false): void {
    const generation = this.cancel(uri);
    this.settings
      .get(uri)
      .then((s) => {
        if (this.generations.get(uri) !== generation) return;
        const timer = setTimeout(() => {
          this.timers.delete(uri);
          this.run(uri, generation);
        }, immediate ? 0 : s.debounceMs);
        this.timers.set(uri, timer);
      })
      .catch((err) => this.log(uri, err));
  }

  /** The document closed: stop pending work and remove its diagnostics. */
  close(uri: string): void {
    this.cancel(uri);
    this.generations.delete(uri);
    this.clear(uri);
  }

  /** Supersede pending work for `uri`; returns the new generation. */
  private cancel(uri: string): number {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    const generation = ++this.counter;
    this.generations.set(uri, generation);
    return generation;
  }

  private async run(uri: string, generation: number): Promise<void> {
    try {
      const current = () => this.generations.get(uri) === generation;
      const doc = this.getDocument(uri);
      if (!doc || !current()) return;
      const settings = await this.settings.get(uri);
      const latest = this.getDocument(uri);
      if (!latest || !current()) return;
      // Large documents are analysed off the main thread, in progress the editor shows: never
      // publish for a version the editor has left meanwhile (its newer version has its own run).
      const analysis = await withProgress(this.connection, latest, () => this.analyzer.analyze(latest, settings), () => this.analyzer.cancel(uri));
      if (!current() || this.getDocument(uri)?.version !== analysis.version) return;
      if (!analysis.isPolicy) {
        this.clear(uri, analysis.version);
        sendStatus(this.connection, { uri, isPolicy: false, problems: 0 });
        return;
      }
      // A failed analysis replaces whatever was shown before with one diagnostic saying so:
      // stale findings of an earlier version must not stay on screen as if they were current.
      const diagnostics: Diagnostic[] | RawJson = analysis.tooLarge
        ? [tooLargeDiagnostic(latest, settings.maxDocumentSize)]
        : analysis.failed !== undefined
          ? [analysis.outOfMemory ? outOfMemoryDiagnostic(latest, analysis.failed) : analysisFailedDiagnostic(latest, analysis.failed)]
          : analysis.worker ? rawDiagnostics(analysis.worker.answer) : publishedDiagnostics(latest, analysis.findings, this.clientReported);
      // The worker's diagnostics go out as the JSON it wrote (rawJson.ts): they serialise as the
      // Diagnostic[] they hold.
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnostics as Diagnostic[] });
      this.published.add(uri);
      sendStatus(this.connection, { uri, isPolicy: true, problems: diagnostics instanceof RawJson ? diagnostics.count : diagnostics.length });
    } catch (err) {
      if (err instanceof AnalysisCancelled) return; // superseded by a newer version
      this.log(uri, err);
    }
  }

  /** Stop all pending work (shutdown). */
  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private clear(uri: string, version?: number): void {
    if (!this.published.delete(uri)) return;
    this.connection.sendDiagnostics({ uri, version, diagnostics: [] }).catch((err) => this.log(uri, err));
  }

  private log(uri: string, err: unknown): void {
    this.connection.console.error(`Analysing ${uri} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
}

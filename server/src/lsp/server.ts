// The language server: LSP wiring around the engine. The engine turns text into findings (and
// hovers and completions) with offsets; this module syncs documents, pulls settings and converts.
import {
  CodeAction,
  CodeActionParams,
  ErrorCodes,
  ResponseError,
  Connection,
  DidChangeConfigurationNotification,
  CompletionParams,
  HoverParams,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, dataVersion, hostSyntax, loadHclParser, ParsedDocument } from '../engine';
import { Analyzer, DocumentAnalysis } from './analyzer';
import { CODE_ACTION_KINDS } from './codeActions';
import { FileGlobs } from './fileGlobs';
import { guard } from './guard';
import { COMPLETION_TRIGGER_CHARACTERS, toCompletionList, toHover } from './languageFeatures';
import { RULE_CATALOG_METHOD, RuleCatalogEntry } from './protocol';
import { SettingsStore } from './settingsStore';
import { Validator } from './validator';

export interface PolicyView {
  doc: TextDocument;
  analysis: DocumentAnalysis;
}

/** A document the server serves hovers and completions for, with its parsed document. */
interface ServiceView {
  doc: TextDocument;
  parsed: ParsedDocument;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const globs = new FileGlobs();
  const settings = new SettingsStore(connection);
  const analyzer = new Analyzer(globs);
  const validator = new Validator(connection, (uri) => documents.get(uri), settings, analyzer);
  const client = { versionedEdits: false, dynamicConfiguration: false, folderEvents: false };

  /** After `shutdown` the server answers every request with InvalidRequest, as the LSP
   *  specification requires (vscode-languageserver 9 leaves that to the server), and ignores
   *  notifications but `exit`. */
  let shutDown = false;
  const afterShutdown = () => new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down: only the exit notification is accepted.');
  /** A request handler that refuses to work after shutdown. */
  const request = <P, R>(handler: (params: P) => Promise<R>) => (params: P): Promise<R | ResponseError<void>> =>
    shutDown ? Promise.resolve(afterShutdown()) : handler(params);

  const revalidateAll = () => documents.all().forEach((d) => validator.schedule(d.uri, true));
  // Terraform files are read once the HCL parser (WebAssembly) has loaded: it loads when the first
  // one opens (every other document would pay its memory for nothing). Until then a Terraform
  // document waits (no passing "not checked" note); once loaded, every document is analysed again.
  let hclLoaded = false;
  let hclLoading: Promise<void> | undefined;
  const waitsForHcl = (doc: TextDocument): boolean => {
    if (hclLoaded || hostSyntax('', { languageId: doc.languageId, path: doc.uri }) !== 'hcl') return false;
    hclLoading ??= loadHclParser().then(() => {
      hclLoaded = true;
      // A request answered meanwhile (code actions, a hover) read the file without the parser,
      // and its parse and analysis are kept for that version: dropped, or the revalidation would
      // publish the "not checked" note they hold until the next edit.
      for (const d of documents.all()) if (hostSyntax('', { languageId: d.languageId, path: d.uri }) === 'hcl') analyzer.forget(d.uri);
      revalidateAll();
    });
    return true;
  };

  /** The current analysis of an open policy, or undefined when the server leaves the document
   *  alone (closed, not a policy, disabled, too large). */
  async function policyView(uri: string): Promise<PolicyView | undefined> {
    const s = await settings.get(uri);
    const doc = documents.get(uri); // after the await: the version the user sees now
    if (!doc) return undefined;
    const analysis = await analyzer.analyze(doc, s);
    // Large documents are analysed off the main thread: answer only for the version still open.
    if (documents.get(uri)?.version !== doc.version) return undefined;
    return analysis.isPolicy && !analysis.tooLarge && analysis.failed === undefined ? { doc, analysis } : undefined;
  }

  /** An open document the server may serve hovers and completions for (enabled, not too large),
   *  parsed as the analysis reads it: the same version's parse, with the `files` globs applied.
   *  Whether it is a policy is the services' own call: completion must work in a policy still
   *  being typed. */
  async function serviceView(uri: string): Promise<ServiceView | undefined> {
    const s = await settings.get(uri);
    const doc = documents.get(uri);
    if (!doc || !s.enable || doc.getText().length > s.maxDocumentSize) return undefined;
    return { doc, parsed: analyzer.parsed(doc, s) };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    settings.pull = !!caps.workspace?.configuration;
    client.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    client.versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    client.folderEvents = !!caps.workspace?.workspaceFolders;
    settings.setInitial(params.initializationOptions);
    validator.clientReported.configure(params.initializationOptions);
    settings.setTrust(params.initializationOptions);
    globs.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'connect-iam-language-server' },
    };
  });

  connection.onInitialized(
    guard(connection, 'initialized', undefined, async () => {
      const data = dataVersion();
      connection.console.info(`Connect IAM language server started (AWS reference data ${data.version}, ${data.date}).`);
      if (client.dynamicConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'connectIam' });
      }
      if (client.folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(connection, 'workspace folders', undefined, async () => {
            const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
            globs.setFolders(folders.map((f) => f.uri));
            revalidateAll();
          }),
        );
      }
      // Pull once at start so a broken client configuration shows up in the log right away.
      if (settings.pull) await settings.get();
    }),
  );

  connection.onDidChangeConfiguration(
    guard(connection, 'configuration change', undefined, (change) => {
      settings.changed(change?.settings);
      revalidateAll();
    }),
  );

  // `onDidChangeContent` fires on open too: the first analysis of a document runs at once, later
  // ones after the debounce delay.
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent(
    guard(connection, 'change', undefined, (e) => {
      if (shutDown) return;
      const first = opening.delete(e.document.uri);
      if (!waitsForHcl(e.document)) validator.schedule(e.document.uri, first);
    }),
  );
  documents.onDidClose(
    guard(connection, 'close', undefined, (e) => {
      validator.close(e.document.uri);
      analyzer.forget(e.document.uri);
      settings.forget(e.document.uri);
    }),
  );

  connection.onCodeAction(
    request(guard(connection, 'code action', [] as CodeAction[], async (params: CodeActionParams) => {
      const view = await policyView(params.textDocument.uri);
      if (!view) return [];
      return analyzer.codeActions(view.doc, view.analysis, params.range, params.context.only, client.versionedEdits);
    })),
  );

  connection.onHover(
    request(guard(connection, 'hover', null, async (params: HoverParams) => {
      const view = await serviceView(params.textDocument.uri);
      if (!view) return null;
      const hover = analyzer.service.hover(view.parsed, view.doc.offsetAt(params.position));
      return hover ? toHover(view.doc, hover) : null;
    })),
  );

  connection.onCompletion(
    request(guard(connection, 'completion', null, async (params: CompletionParams) => {
      const view = await serviceView(params.textDocument.uri);
      if (!view) return null;
      return toCompletionList(view.doc, analyzer.service.complete(view.parsed, view.doc.offsetAt(params.position)));
    })),
  );

  connection.onRequest(
    RULE_CATALOG_METHOD,
    request(guard(connection, 'rule catalog', [] as RuleCatalogEntry[], async () => allRules.map((r): RuleCatalogEntry => ({ id: r.id, title: r.title })))),
  );

  connection.onShutdown(() => {
    if (shutDown) return afterShutdown(); // a second shutdown is a request after shutdown too
    shutDown = true;
    validator.dispose();
    analyzer.dispose();
    return undefined;
  });
  // Requests without a handler of their own: MethodNotFound as usual, InvalidRequest after shutdown.
  connection.onRequest((method) => (shutDown ? afterShutdown() : new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`)));

  documents.listen(connection);
  connection.listen();
}

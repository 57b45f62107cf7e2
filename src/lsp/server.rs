//! The protocol loop: the handshake, then each message to what answers it,
//! with edits debounced: a change is read once the editor has been quiet
//! for the debounce, and diagnostics are published then. Requests (hover,
//! code actions, ...) first read any edit still waiting, so they answer
//! about the text the editor shows.
//!
//! [`Server`] is the state and its answers as data (messages in, messages
//! out), so tests and benchmarks drive it without a process; [`serve`]
//! runs it over a reader of messages and a writer.
//!
//! The transport is this file's own rather than `lsp_server::Connection`
//! (whose framing and message types it uses): a 5,000-node file's
//! diagnostics are a megabyte of JSON, and a `Connection` takes a message
//! as a `serde_json::Value`, which costs five times the serialising itself
//! (45 ms against 8 ms). Diagnostics are written straight from the types.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Initialized, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    RegisterCapability, Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    CompletionResponse, DidChangeWatchedFilesRegistrationOptions, DocumentSymbolResponse,
    FileSystemWatcher, GlobPattern, GotoDefinitionResponse, HoverProviderCapability,
    InitializeParams, OneOf, Position, PublishDiagnosticsParams, Registration, RegistrationParams,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::workspace::Workspace;
use super::{Options, actions, diagnostics, hover, navigate, uri};

/// What the server sends the client.
#[derive(Debug)]
pub enum Outgoing {
    /// A protocol message.
    Message(Message),
    /// A message already serialised: published diagnostics.
    Json(String),
}

impl Outgoing {
    /// Writes it with its `Content-Length` header.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Outgoing::Message(message) => message.write(out),
            Outgoing::Json(body) => {
                write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
                out.write_all(body.as_bytes())?;
                out.flush()
            }
        }
    }
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Outgoing {
        Outgoing::Message(message)
    }
}

/// The language server's state.
pub struct Server {
    workspace: Workspace,
    debounce: Duration,
    rules: Option<String>,
    /// When waiting edits are to be read; `None` when none wait.
    deadline: Option<Instant>,
    /// The client can be asked to watch files.
    watch: bool,
}

impl Server {
    /// A server with nothing open.
    pub fn new(options: Options) -> Server {
        Server {
            workspace: Workspace::new(options.today),
            debounce: options.debounce,
            rules: options.rules_url,
            deadline: None,
            watch: false,
        }
    }

    /// What the server can do, for the `initialize` answer.
    pub fn capabilities() -> ServerCapabilities {
        ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            definition_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec!["\"".into(), "'".into()]),
                ..CompletionOptions::default()
            }),
            document_symbol_provider: Some(OneOf::Left(true)),
            ..ServerCapabilities::default()
        }
    }

    /// The `initialize` answer, after taking the client's settings:
    /// `initializationOptions` may hold `debounceMs` and `rulesUrl`.
    pub fn initialize(&mut self, params: &InitializeParams) -> Value {
        let options = params.initialization_options.as_ref();
        if let Some(ms) = options
            .and_then(|o| o.get("debounceMs"))
            .and_then(Value::as_u64)
        {
            self.debounce = Duration::from_millis(ms.min(10_000));
        }
        if let Some(url) = options
            .and_then(|o| o.get("rulesUrl"))
            .and_then(Value::as_str)
        {
            self.rules = Some(url.to_owned());
        }
        self.watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        serde_json::json!({
            "capabilities": Server::capabilities(),
            "serverInfo": { "name": "strata", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    /// When [`Server::flush`] should next run, if edits are waiting.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Handles one message from the client, adding what to send to `out`.
    pub fn handle(&mut self, message: Message, out: &mut Vec<Outgoing>) {
        match message {
            Message::Request(request) => {
                if self.workspace.is_dirty() {
                    self.flush(out);
                }
                let id = request.id.clone();
                let response = match self.answer(request) {
                    Ok(result) => Response::new_ok(id, result),
                    Err((code, message)) => Response::new_err(id, code as i32, message),
                };
                out.push(Message::from(response).into());
            }
            Message::Notification(notification) => self.notice(notification, out),
            Message::Response(_) => {}
        }
    }

    /// Reads every waiting edit and publishes the diagnostics that changed.
    pub fn flush(&mut self, out: &mut Vec<Outgoing>) {
        self.deadline = None;
        self.workspace.flush();
        for path in self.workspace.take_cleared() {
            if let Some(uri) = uri::from_path(&path) {
                out.push(publish(uri, Vec::new(), None));
            }
        }
        let rules = self.rules.as_deref();
        for project in &mut self.workspace.projects {
            for p in 0..project.parts.len() {
                if !std::mem::take(&mut project.stale[p]) {
                    continue;
                }
                let Some(uri) = uri::from_path(&project.parts[p].path) else {
                    continue;
                };
                let found = diagnostics::for_part(project, p, rules);
                out.push(publish(uri, found, project.parts[p].open));
            }
        }
    }

    fn notice(&mut self, notification: Notification, out: &mut Vec<Outgoing>) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(params) =
                    parse::<lsp_types::DidOpenTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let doc = params.text_document;
                if let Some(path) = uri::to_path(&doc.uri) {
                    self.workspace.open(path, doc.text, doc.version);
                    self.flush(out);
                }
            }
            DidChangeTextDocument::METHOD => {
                let Some(params) =
                    parse::<lsp_types::DidChangeTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let doc = params.text_document;
                if let Some(path) = uri::to_path(&doc.uri) {
                    self.workspace
                        .change(&path, doc.version, params.content_changes);
                    self.deadline = Some(Instant::now() + self.debounce);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Some(params) =
                    parse::<lsp_types::DidCloseTextDocumentParams>(notification.params)
                else {
                    return;
                };
                if let Some(path) = uri::to_path(&params.text_document.uri) {
                    self.workspace.close(&path);
                    self.flush(out);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(params) =
                    parse::<lsp_types::DidChangeWatchedFilesParams>(notification.params)
                else {
                    return;
                };
                let paths: Vec<_> = params
                    .changes
                    .iter()
                    .filter_map(|c| uri::to_path(&c.uri))
                    .collect();
                self.workspace.disk_changed(&paths);
                self.flush(out);
            }
            Initialized::METHOD if self.watch => out.push(watch_toml_files().into()),
            _ => {}
        }
    }

    fn answer(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let rules = self.rules.as_deref();
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let params: lsp_types::HoverParams = params(request.params)?;
                let at = params.text_document_position_params;
                let found = self
                    .at(&at.text_document.uri, at.position)
                    .and_then(|(project, p, offset)| hover::hover(project, p, offset, rules));
                to_value(found)
            }
            CodeActionRequest::METHOD => {
                let params: lsp_types::CodeActionParams = params(request.params)?;
                let found = self.at(&params.text_document.uri, params.range.start).map(
                    |(project, p, _)| {
                        let span = project.parts[p].text.span(params.range);
                        actions::code_actions(project, p, span, rules)
                    },
                );
                to_value(found)
            }
            GotoDefinition::METHOD => {
                let params: lsp_types::GotoDefinitionParams = params(request.params)?;
                let at = params.text_document_position_params;
                let found = self
                    .at(&at.text_document.uri, at.position)
                    .and_then(|(project, p, offset)| navigate::definition(project, p, offset))
                    .map(GotoDefinitionResponse::Scalar);
                to_value(found)
            }
            Completion::METHOD => {
                let params: lsp_types::CompletionParams = params(request.params)?;
                let at = params.text_document_position;
                let found = self
                    .at(&at.text_document.uri, at.position)
                    .and_then(|(project, p, offset)| navigate::completion(project, p, offset))
                    .map(CompletionResponse::Array);
                to_value(found)
            }
            DocumentSymbolRequest::METHOD => {
                let params: lsp_types::DocumentSymbolParams = params(request.params)?;
                let found = self.at(&params.text_document.uri, Position::default()).map(
                    |(project, p, _)| DocumentSymbolResponse::Nested(navigate::symbols(project, p)),
                );
                to_value(found)
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("strata does not answer {}", crate::sanitize::line(other)),
            )),
        }
    }

    /// The project, file and byte offset that a document position names,
    /// if the document is a strategy's.
    fn at(
        &self,
        uri: &Uri,
        position: Position,
    ) -> Option<(&super::project::Project, usize, usize)> {
        let path = uri::to_path(uri)?;
        let (i, p) = self.workspace.find(&path)?;
        let project = &self.workspace.projects[i];
        Some((project, p, project.parts[p].text.offset(position)))
    }
}

/// Runs the server on the messages from `incoming`, writing to `out`,
/// until the client shuts it down and exits (or goes away): the
/// handshake, then the loop.
pub fn serve(
    incoming: &Receiver<Message>,
    out: &mut impl Write,
    options: Options,
) -> Result<(), String> {
    let send = |out: &mut dyn FnMut(&Outgoing) -> io::Result<()>, message: Outgoing| {
        out(&message).map_err(|e| format!("cannot write to the client: {e}"))
    };
    let mut write = |message: &Outgoing| message.write(out);
    let mut server = Server::new(options);
    // The handshake: nothing but `initialize` is answered before it.
    loop {
        match incoming.recv() {
            Ok(Message::Request(request)) if request.method == "initialize" => {
                let params: InitializeParams = serde_json::from_value(request.params)
                    .map_err(|e| format!("bad initialize request: {e}"))?;
                let answer = server.initialize(&params);
                send(
                    &mut write,
                    Message::from(Response::new_ok(request.id, answer)).into(),
                )?;
                break;
            }
            Ok(Message::Request(request)) => send(
                &mut write,
                Message::from(Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the client must send `initialize` first".to_owned(),
                ))
                .into(),
            )?,
            Ok(Message::Notification(n)) if n.method == "exit" => return Ok(()),
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    let mut shut_down = false;
    loop {
        let message = match server.deadline() {
            Some(at) => match incoming.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(message) => Some(message),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match incoming.recv() {
                Ok(message) => Some(message),
                Err(_) => return Ok(()),
            },
        };
        let mut replies = Vec::new();
        match message {
            None => server.flush(&mut replies),
            Some(Message::Notification(n)) if n.method == "exit" => return Ok(()),
            Some(Message::Request(request)) if shut_down => replies.push(
                Message::from(Response::new_err(
                    request.id,
                    ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".to_owned(),
                ))
                .into(),
            ),
            Some(Message::Request(request)) if request.method == "shutdown" => {
                shut_down = true;
                replies.push(Message::from(Response::new_ok(request.id, ())).into());
            }
            Some(message) if !shut_down => server.handle(message, &mut replies),
            Some(_) => {}
        }
        for reply in replies {
            send(&mut write, reply)?;
        }
    }
}

/// A `publishDiagnostics` notification, serialised from the types.
fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) -> Outgoing {
    #[derive(Serialize)]
    struct Publish {
        jsonrpc: &'static str,
        method: &'static str,
        params: PublishDiagnosticsParams,
    }
    let message = Publish {
        jsonrpc: "2.0",
        method: PublishDiagnostics::METHOD,
        params: PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    };
    // Serialising these types cannot fail; an empty list is the fallback.
    Outgoing::Json(serde_json::to_string(&message).unwrap_or_default())
}

/// Asks the client to tell the server when any `*.toml` changes on disk.
fn watch_toml_files() -> Message {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/*.toml".into()),
            kind: None,
        }],
    };
    Request::new(
        RequestId::from("strata-watch-toml".to_owned()),
        RegisterCapability::METHOD.to_owned(),
        RegistrationParams {
            registrations: vec![Registration {
                id: "strata-watch-toml".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        },
    )
    .into()
}

fn parse<T: DeserializeOwned>(value: Value) -> Option<T> {
    serde_json::from_value(value).ok()
}

fn params<T: DeserializeOwned>(value: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value(value: impl serde::Serialize) -> Result<Value, (ErrorCode, String)> {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

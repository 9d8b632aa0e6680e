//! The conversation's shared vocabulary of the message and block rules: the roles, and the
//! tool_use ↔ tool_result pairing that spans messages (RULES.md §4 and §7).

use zylon_json::StrIndex;

use super::{short, Code, Ctx};
use crate::check::ctx::{pointer, Seg};
use crate::check::spare::{self, spare};
use crate::check::Severity;

/// A message role as the server reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    System,
    User,
    Assistant,
    /// `tool`: listed by the Workspace spec, rejected by the server (a warning by policy).
    Tool,
}

impl Role {
    /// The role written `s` (case-sensitive, as the server reads it), if it is one.
    pub(super) fn of(s: &str) -> Option<Role> {
        match s {
            "system" => Some(Role::System),
            "user" => Some(Role::User),
            "assistant" => Some(Role::Assistant),
            "tool" => Some(Role::Tool),
            _ => None,
        }
    }
}

/// tool_use ↔ tool_result bookkeeping in document order. Ids are borrowed from the body and
/// paths kept as segments: a JSON Pointer is rendered only for a tool use left unanswered. Its
/// vectors are kept for the thread's next body (see `spare`), taken at the first tool use (most
/// bodies have none).
#[derive(Default)]
pub(super) struct Pairing<'a> {
    order: Vec<Use<'a>>,
    /// The paths of the uses of `order`, one after another.
    paths: Vec<Seg<'a>>,
    /// Where each id is in `order`.
    index: StrIndex,
    /// The first second answer to a tool use: whether it breaks the order is decided by the
    /// server's conversion (`order.rs`), which usually drops or misplaces it.
    duplicate: Option<Duplicate<'a>>,
}

/// A tool use.
#[derive(Clone, Copy)]
struct Use<'a> {
    id: &'a str,
    /// Its path: a range of [`Pairing::paths`].
    path: (usize, usize),
    /// Whether a tool_result has answered it.
    answered: bool,
}

spare!(USES: Use<'static>);
spare!(USE_PATHS: Seg<'static>);
spare!(IDS: (u32, u32));

/// A second answer to a tool use: the id and where the answer is.
pub(super) type Duplicate<'a> = (String, Vec<Seg<'a>>);

impl<'a> Pairing<'a> {
    /// A `tool_use` (or `server_tool_use`) at the current path with this id.
    pub(super) fn on_use(&mut self, ctx: &mut Ctx<'a>, id: &'a str) {
        if self.order.is_empty() {
            self.order = spare::take(&USES);
            self.paths = spare::take(&USE_PATHS);
            self.index = StrIndex::with_buffer(spare::take(&IDS));
        }
        let order = &self.order;
        if self
            .index
            .find_or_insert(id, order.len(), |i| order[i].id)
            .is_some()
        {
            ctx.key("id", |ctx| {
                ctx.error_hint(
                    Code::BlockToolUseUniqueId,
                    format!(
                        "duplicate tool use id `{}`: ids must be unique across the whole request",
                        short(id)
                    ),
                    "give every tool_use its own id",
                )
            });
            return;
        }
        let from = self.paths.len();
        self.paths.extend_from_slice(ctx.segments());
        self.order.push(Use {
            id,
            path: (from, self.paths.len()),
            answered: false,
        });
    }

    /// A `tool_result` at the current path answering `id`.
    pub(super) fn on_result(&mut self, ctx: &mut Ctx<'a>, id: &str) {
        let order = &self.order;
        match self.index.find(id, |i| order[i].id).map(|i| (i, order[i].answered)) {
            Some((i, false)) => self.order[i].answered = true,
            Some((_, true)) => {
                if self.duplicate.is_none() {
                    self.duplicate = Some((id.to_string(), ctx.segments().to_vec()));
                }
            }
            None => ctx.key("tool_use_id", |ctx| {
                ctx.error_hint(
                    Code::BlockToolResultUnknownId,
                    format!("tool_result references tool use `{}`, which does not appear earlier in the request", short(id)),
                    "a tool_result must come after the assistant tool_use it answers",
                )
            }),
        }
    }

    /// The first second answer to a tool use, if any (taken: the order rules report it).
    pub(super) fn take_duplicate(&mut self) -> Option<Duplicate<'a>> {
        self.duplicate.take()
    }

    /// Report every tool use left unanswered (at the end of the messages).
    pub(super) fn finish(self, ctx: &mut Ctx<'_>) {
        for u in self.order.iter().filter(|u| !u.answered) {
            ctx.push(
                Severity::Error,
                Code::BlockToolUseRequiresResult,
                pointer(&self.paths[u.path.0..u.path.1]),
                format!("tool use `{}` has no tool_result; the server requires every tool call to be answered", short(u.id)),
                Some("add a tool_result block with this tool_use_id after it, or remove the tool_use".into()),
            );
        }
        spare::keep(&USES, self.order);
        spare::keep(&USE_PATHS, self.paths);
        spare::keep(&IDS, self.index.into_buffer());
    }
}

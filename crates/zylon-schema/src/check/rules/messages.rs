//! RULES.md §4: messages and roles, and the tool pairing rules of §7 that span messages.

use super::keys::{msg, req as k};
use crate::check::fields::Fields;
use crate::check::json::Value;
use crate::check::report::Suggestion;
use crate::vocab;

use super::blocks::{self, BlockFacts, Place};
pub(super) use super::conversation::{Pairing, Role};
use super::order::{self, LastUser};
use super::{not_type, short, Code, Ctx};
use crate::check::ctx::pointer;
use crate::check::spare::{self, spare};
use crate::check::Severity;

/// Facts about the messages that other areas (the model profile) need.
#[derive(Debug, Default)]
pub(super) struct MessagesFacts {
    /// The last user message as the server's request validator sees it (after the conversion
    /// of `order.rs`), with its image/audio counts and text length.
    pub last_user: Option<LastUser>,
}

/// What one message contributes to the sequence rules.
struct MsgFacts {
    role: Option<Role>,
    /// The content could not be read (missing, empty, wrong type, unreadable blocks): the server
    /// rejects the body before the sequence checks, so they give this message the benefit of the doubt.
    broken: bool,
    /// How the conversion takes it (its role and block types, read here as they are checked:
    /// the conversion does not read the messages again to tell).
    follow: order::Follow,
}

pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>) -> MessagesFacts {
    let list = match req.get(k::MESSAGES) {
        None | Some(Value::Null) => {
            ctx.at_key(
                Severity::Error,
                Code::MessagesRequired,
                "messages",
                "`messages` is required",
                Some("add `\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"...\"}]}]`".into()),
            );
            return MessagesFacts::default();
        }
        Some(Value::Array(a)) => a,
        Some(v) => {
            ctx.key("messages", |ctx| {
                ctx.error(
                    Code::MessagesRequired,
                    not_type("`messages` must be an array", &v),
                )
            });
            return MessagesFacts::default();
        }
    };
    ctx.key("messages", |ctx| {
        if list.is_empty() {
            ctx.error(
                Code::MessagesEmpty,
                "`messages` is empty; send at least one user message",
            );
            return MessagesFacts::default();
        }
        let before = ctx.errors.len();
        let mut pairing = Pairing::default();
        let mut facts = spare::take(&FACTS);
        // (a verdict-only walk stops after the message whose error decided it)
        facts.extend(list.iter().enumerate().map_while(|(i, m)| {
            (!ctx.decided()).then(|| ctx.idx(i, |ctx| message(ctx, &m, &mut pairing)))
        }));
        if ctx.decided() {
            spare::keep(&FACTS, facts);
            return MessagesFacts::default();
        }
        let duplicate = pairing.take_duplicate();
        pairing.finish(ctx);
        // (a message's flag read where it is: no vector of flags is built)
        let broken = |i: usize| facts.get(i).is_some_and(|f| f.broken);
        let counter = |s: &str| ctx.chars(s);
        let count: order::Count<'_> = ctx.counts_text().then_some(&counter);
        // (each message's `Follow` read where it is, as its broken flag)
        let follow = |i: usize| facts.get(i).map_or(order::Follow::Lost, |f| f.follow);
        debug_assert!(
            list.iter()
                .enumerate()
                .all(|(i, m)| order::follow_of(&m) == follow(i)),
            "the messages' Follow as the conversion reads it"
        );
        let conv = order::convert_all(list, &follow, &broken, count);
        let out = sequence(ctx, &facts, conv.as_ref());
        // The server's own conversion and order check, once nothing else is wrong with the
        // messages (a broken block or pairing is reported by its own rule); a second answer to
        // a tool use is judged by it in any case.
        if ctx.errors.len() == before || duplicate.is_some() {
            if let Some(problem) = conv.and_then(|c| c.problem) {
                match duplicate {
                    Some((id, path)) => ctx.push(
                        Severity::Error,
                        Code::MessagesOrder,
                        pointer(&path),
                        format!("a second tool_result for tool use `{}`: the server rejects the resulting message order", short(&id)),
                        Some("send exactly one tool_result per tool_use".into()),
                    ),
                    None => ctx.error_hint(
                        Code::MessagesOrder,
                        problem,
                        "keep the turns user → assistant (tool_use) → user (tool_result, then text); see docs/codes.md#messages.order",
                    ),
                }
            }
        }
        spare::keep(&FACTS, facts);
        out
    })
}

// The facts vector of this thread's last body, natively (see `spare`).
spare!(FACTS: MsgFacts);

fn message<'a>(ctx: &mut Ctx<'a>, m: &Value<'a>, pairing: &mut Pairing<'a>) -> MsgFacts {
    let mut f = MsgFacts {
        role: None,
        broken: false,
        follow: order::Follow::Lost,
    };
    let Some(obj) = m.as_object() else {
        ctx.error(Code::FieldType, not_type("a message must be an object", m));
        return f;
    };
    let obj = ctx.unknown_fields(&obj, vocab::names::MESSAGE_INPUT, "a message");
    f.role = role(ctx, &obj);
    f.follow = order::Follow::of_role(f.role);
    if f.role == Some(Role::System) {
        ctx.warn_hint(
            Code::MessageRoleSystemExtracted,
            "system messages are removed from the history and appended to the system prompt; non-text blocks in them are dropped",
            "put instructions in the top-level `system.text` instead",
        );
    }
    if obj.get(msg::META).is_some() {
        ctx.key("_meta", |ctx| {
            ctx.warn(
                Code::MessageMeta,
                "message-level `_meta` is ignored by the server",
            )
        });
    }
    let content = obj.get(msg::CONTENT);
    f.follow = f
        .follow
        .content(matches!(content, Some(Value::String(_) | Value::Array(_))));
    match content {
        None | Some(Value::Null) => {
            f.broken = true;
            ctx.at_key(Severity::Error, Code::MessageContentRequired, "content", "every message needs `content`", None)
        }
        // System messages are moved into the system prompt before the content, order and block
        // placement checks run (RULES.md Part 3.8): empty content and non-text blocks are
        // accepted there (the blocks are dropped); the block shapes are still validated.
        Some(Value::String(s)) => ctx.key("content", |ctx| {
            if s.is_empty() && f.role == Some(Role::System) {
            } else if s.is_empty() {
                f.broken = true;
                ctx.error(Code::MessageContentEmpty, "message `content` must not be empty");
            } else {
                ctx.warn_hint(
                    Code::MessageContentString,
                    "`content` is a plain string; the Workspace API expects an array of content blocks",
                    "use `[{\"type\": \"text\", \"text\": ...}]`",
                );
            }
        }),
        Some(Value::Array(blocks)) => ctx.key("content", |ctx| {
            let system = f.role == Some(Role::System);
            if blocks.is_empty() && !system {
                f.broken = true;
                ctx.error(Code::MessageContentEmpty, "message `content` must not be an empty array");
            }
            let place = Place::Message(f.role);
            for (j, b) in blocks.iter().enumerate() {
                if ctx.decided() {
                    break;
                }
                let pairing = if system { None } else { Some(&mut *pairing) };
                let bf: BlockFacts = ctx.idx(j, |ctx| blocks::check(ctx, &b, place, pairing));
                f.broken |= bf.broken;
                f.follow = f.follow.block(bf.ty);
            }
        }),
        Some(v) => ctx.key("content", |ctx| {
            f.broken = true;
            ctx.error(Code::FieldType, not_type("`content` must be an array of content blocks", &v))
        }),
    }
    f
}

fn role<'a>(ctx: &mut Ctx<'a>, obj: &Fields<'a>) -> Option<Role> {
    let Some(v) = obj.get(msg::ROLE) else {
        ctx.at_key(
            Severity::Error,
            Code::MessageRoleRequired,
            "role",
            "every message needs a `role`",
            Some("add `\"role\": \"user\"` (or `assistant` / `system`)".into()),
        );
        return None;
    };
    ctx.key("role", |ctx| match v.as_str().map(|s| (s, Role::of(s))) {
        Some((_, Some(Role::Tool))) => {
            ctx.warn_hint(
                Code::MessageRoleEnum,
                "role `tool` is listed by the Workspace spec but the server rejects it",
                "send tool output as a `tool_result` block in a user or assistant message",
            );
            Some(Role::Tool)
        }
        Some((_, Some(role))) => Some(role),
        Some((s, None)) => {
            let hint = ["system", "user", "assistant"]
                .into_iter()
                .find(|r| r.eq_ignore_ascii_case(s.trim()));
            let msg = format!(
                "role must be `system`, `user` or `assistant`, not `{}`",
                short(s)
            );
            if let Some(h) = hint.filter(|h| h.eq_ignore_ascii_case(s)) {
                ctx.suggest(Suggestion::replace_string(h.to_string()));
            }
            match hint {
                Some(h) => ctx.error_hint(
                    Code::MessageRoleEnum,
                    msg,
                    format!("roles are case-sensitive: use `{h}`"),
                ),
                None => ctx.error(Code::MessageRoleEnum, msg),
            }
            None
        }
        None => {
            ctx.error(
                Code::MessageRoleEnum,
                not_type(
                    "role must be the string `system`, `user` or `assistant`",
                    &v,
                ),
            );
            None
        }
    })
}

/// The rules on the sequence of messages: system messages are extracted, consecutive
/// same-role messages merged, and the last user message of the server's conversion
/// (`conv`, `None` when the messages cannot be followed) must exist and hold text.
fn sequence(
    ctx: &mut Ctx<'_>,
    facts: &[MsgFacts],
    conv: Option<&order::Conversion>,
) -> MessagesFacts {
    let any_valid_role = facts.iter().any(|f| f.role.is_some());
    let only_system = any_valid_role && facts.iter().all(|f| matches!(f.role, Some(Role::System)));
    if only_system {
        ctx.error_hint(
            Code::MessagesSystemOnly,
            "only system messages were sent; after they are moved into the system prompt no message is left",
            "add a user message",
        );
        return MessagesFacts::default();
    }
    let mut previous: Option<Role> = None;
    for (i, f) in facts.iter().enumerate() {
        let Some(r @ (Role::User | Role::Assistant)) = f.role else {
            continue;
        };
        if previous == Some(r) {
            let role = if r == Role::User { "user" } else { "assistant" };
            ctx.idx(i, |ctx| {
                ctx.warn(
                    Code::MessagesConsecutiveSameRoleMerged,
                    format!("two consecutive {role} messages: the server merges them into one"),
                )
            });
        }
        previous = Some(r);
    }
    let last = match conv {
        // the conversion raised: `messages.order` says why
        Some(c) if c.problem.is_some() && c.last_user.is_none() => return MessagesFacts::default(),
        Some(c) => c.last_user,
        // not well-formed enough to follow: judged by the roles alone
        None => facts
            .iter()
            .position(|f| f.role == Some(Role::User))
            .map(|index| LastUser {
                index,
                has_text: true,
                ..LastUser::default()
            }),
    };
    let Some(last) = last else {
        let others = facts
            .iter()
            .any(|f| matches!(f.role, Some(Role::User | Role::Assistant | Role::Tool)));
        if others {
            ctx.error_hint(
                Code::MessagesUserRequired,
                "no user message: the server needs at least one user message (tool results alone do not count)",
                "end the conversation with a user message holding your question",
            );
        }
        return MessagesFacts::default();
    };
    if !last.has_text {
        let (msg, hint) = if last.from_tldr {
            (
                "the last user message, after the server moves tldr summaries around their user message, is this tldr's user item, and its text is blank; the server rejects it (\"The message cannot be empty.\")",
                "give the tldr item text, or end with a user message holding your question",
            )
        } else {
            (
                "the last user message has no non-blank text; the server rejects it (\"The message cannot be empty.\")",
                "add a text block with your question next to the media",
            )
        };
        ctx.idx(last.index, |ctx| {
            ctx.key("content", |ctx| {
                ctx.error_hint(Code::MessagesLastUserTextRequired, msg, hint)
            })
        });
    }
    MessagesFacts {
        last_user: Some(last),
    }
}

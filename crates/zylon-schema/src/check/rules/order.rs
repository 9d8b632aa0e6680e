//! RULES.md Part 3: the order the server puts the messages in, and its order check.
//!
//! The request mapper turns the messages into the model's chat messages in several steps
//! (`MessageInput.convert_from_llama_index_messages`, `private_gpt/chat/input_models.py`):
//! tool results sent in user messages become assistant messages of their own, consecutive
//! messages of one role are merged, assistant messages are split after each tool use and
//! around each tool result, tool results become `tool` messages placed right after the call
//! they answer (an unclaimed one is dropped), each tldr item with a `_meta.role` becomes a
//! message of that role, tldr messages are moved around their user message, and finally
//! `_validate_message_order` rejects any role sequence it does not expect (the error text is
//! empty unless a `tool` message is out of place). This module follows those steps on the
//! roles, ids, tldr sides and the user messages' text and media, so that the verdict on the
//! order is the server's, and so is its idea of "the last user message", which
//! `ValidatorRequestInterceptor` reads after the conversion (its text must not be blank; its
//! images and audio are counted against the model).

use crate::check::json::{Array, Value};
use crate::check::spare::{self, spare};

/// `MessageRole`, as far as the order check tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    System,
    User,
    Assistant,
    Tool,
    /// developer, function, chatbot, model: nothing may follow them.
    Other,
}

/// The text of a block that becomes a text block of the model's message.
#[derive(Debug, Clone, Copy)]
enum Txt<'a> {
    /// A `text` block, string content, or a tldr text item.
    Str(&'a str),
    /// `mid_conv_system`: its items' texts joined by newlines.
    Items(Array<'a>),
    /// Not readable as text (another rule reports it): counted as text, the benefit of the doubt.
    Unreadable,
    /// A `text` block or a tldr item, whose `text` is read when it is needed (only the last
    /// user message's is).
    Block(Value<'a>),
}

/// What counts a text's characters, when the caller counts them.
pub(super) type Count<'c> = Option<&'c dyn Fn(&str) -> usize>;

impl Txt<'_> {
    /// Whether it has non-blank text (what `_extract_text` needs), and its characters by
    /// `count`: one read of the text for both.
    fn measure(&self, count: Count<'_>) -> (bool, usize) {
        let chars = |s: &str| count.map_or(0, |c| c(s));
        match self {
            Txt::Str(s) => (!zylon_json::py_blank(s), chars(s)),
            Txt::Items(items) => items
                .iter()
                .filter_map(|it| it.get("text").and_then(Value::as_str))
                .fold((false, 0), |(nonblank, n), t| {
                    (nonblank || !zylon_json::py_blank(t), n + chars(t))
                }),
            Txt::Unreadable => (true, 0),
            // Not counting: whether it is blank is read where the text is, and an escaped
            // text is not unescaped (see `zylon_json::Object::string_is_blank`).
            Txt::Block(Value::Object(o)) if count.is_none() => match o.string_is_blank("text") {
                Some(blank) => (!blank, 0),
                // missing: no text; not a string: unreadable
                None => (o.contains_key("text"), 0),
            },
            Txt::Block(b) => text_of(b).measure(count),
        }
    }
}

/// A content block, as far as the conversion looks at it.
#[derive(Debug, Clone, Copy)]
enum Blk<'a> {
    ToolUse(&'a str),
    /// The id it answers, and whether its content holds a tldr block: the server keeps the
    /// content's custom blocks in the tool message's `additional_kwargs` by type, so such a
    /// tool message has a `tldr` entry and is moved around like a tldr summary.
    ToolResult(&'a str, bool),
    /// The text items that carry a role (with the role and the item's text: a range of
    /// [`Msgs::roles`]), and the side.
    Tldr((usize, usize), &'a str),
    Text(Txt<'a>),
    Image,
    Audio,
    Other,
}

/// The messages after system messages are taken out, tool results in user messages split off
/// and consecutive messages of one role merged: their blocks live in one list (no vector per
/// message), each message a range of it.
#[derive(Debug)]
struct Msgs<'a> {
    list: Vec<In>,
    blocks: Vec<Blk<'a>>,
    /// The role-carrying items of every tldr block.
    roles: Vec<(Role, Txt<'a>)>,
}

impl<'a> Msgs<'a> {
    /// Empty, in this thread's spare vectors (see `spare`).
    fn spare() -> Self {
        Msgs {
            list: spare::take(&LIST),
            blocks: spare::take(&BLOCKS),
            roles: spare::take(&ROLES),
        }
    }

    /// Give the vectors back for the thread's next body.
    fn recycle(self) {
        spare::keep(&LIST, self.list);
        spare::keep(&BLOCKS, self.blocks);
        spare::keep(&ROLES, self.roles);
    }

    fn blocks(&self, m: &In) -> &[Blk<'a>] {
        &self.blocks[m.blocks.0..m.blocks.1]
    }
}

// The vectors of the conversion of this thread's last body, natively (see `spare`): a
// conversation with tool blocks took nine allocations.
spare!(LIST: In);
spare!(BLOCKS: Blk<'static>);
spare!(ROLES: (Role, Txt<'static>));
spare!(CHATS: Chat<'static>);
spare!(CALLS: &'static str);
// (the messages after `reorder_tools`)
spare!(REORDERED: Chat<'static>);
// (one message's blocks in `read`)
spare!(READ: Blk<'static>);
// (the reorderings' bookkeeping: an order of the messages, which are placed, the tool answers)
spare!(PLACES: usize);
spare!(USED: bool);
spare!(ANSWERS: (&'static str, usize));

#[derive(Debug, Clone, Copy)]
struct In {
    assistant: bool,
    /// Its range of [`Msgs::blocks`].
    blocks: (usize, usize),
    /// `content` was a string (merging two strings keeps a string).
    text: bool,
    /// The index in `messages` of the (last) message this one comes from.
    src: usize,
    /// One of the messages it comes from is broken (reported by another rule).
    broken: bool,
}

/// Where a converted chat message's content comes from.
#[derive(Debug, Clone, Copy)]
enum Origin<'a> {
    /// A user message: index into the processed messages.
    Msg(usize),
    /// A tldr item: the assistant message it is in, and the item's text.
    Tldr(usize, Txt<'a>),
    /// Anything else (assistant and tool messages).
    None,
}

/// A converted chat message (no allocation: reordering copies them).
#[derive(Debug, Clone, Copy)]
struct Chat<'a> {
    role: Role,
    /// `additional_kwargs["tldr"]`: the side, for messages made from tldr items.
    tldr: Option<&'a str>,
    /// The call of an assistant message: at most one, since `_flat_tool_messages` gives each
    /// call a message of its own.
    tool_call: Option<&'a str>,
    tool_call_id: Option<&'a str>,
    origin: Origin<'a>,
}

/// The last user message after the server's conversion: the one its request validator reads.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct LastUser {
    /// The index in `messages` it comes from (for a tldr item, the message holding the tldr).
    pub index: usize,
    /// It is a tldr item's text.
    pub from_tldr: bool,
    /// It has a text block with non-blank text (what `_extract_text` needs), or cannot be
    /// judged because a message it comes from is reported by another rule.
    pub has_text: bool,
    /// Image blocks in it.
    pub images: usize,
    /// Audio blocks in it.
    pub audios: usize,
    /// Characters of its text (0 unless the caller counts text).
    pub text_chars: usize,
}

/// What the server makes of `messages`.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Conversion {
    /// Why the server rejects the resulting order, if it does.
    pub problem: Option<&'static str>,
    /// The last user message of the final order, `None` when there is no user message or
    /// when the conversion raised (then `problem` says why).
    pub last_user: Option<LastUser>,
}

/// How the one-pass conversion ([`convert_plain`]) takes a message: what its role and the
/// types of its blocks decide, read by the message rules as they check them (see
/// [`follow_of`], which reads them again from the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Follow {
    /// A system message: taken out, whatever its content.
    System,
    /// A user (`true`) or assistant turn with a string content or blocks of these kinds.
    Turn(bool),
    /// A block moves messages (a tool or tldr block): the step-by-step path follows it.
    Moves,
    /// The conversation cannot be followed from here: another role, content of another type,
    /// or a block without a string `type` (other rules report these).
    Lost,
}

impl Follow {
    /// A message's [`Follow`] before its content is read: by its role.
    pub(super) fn of_role(role: Option<super::conversation::Role>) -> Follow {
        use super::conversation::Role;
        match role {
            Some(Role::System) => Follow::System,
            Some(Role::User) => Follow::Turn(true),
            Some(Role::Assistant) => Follow::Turn(false),
            _ => Follow::Lost,
        }
    }

    /// The message's content is read: a turn whose content is neither a string nor blocks is
    /// lost (a system message's content is not read by the conversion).
    pub(super) fn content(self, string_or_blocks: bool) -> Follow {
        match self {
            Follow::Turn(_) if !string_or_blocks => Follow::Lost,
            f => f,
        }
    }

    /// The next block of a turn, of type `ty` (`None`: no string `type`): the first block that
    /// moves messages or has no type decides.
    pub(super) fn block(self, ty: Option<&str>) -> Follow {
        match (self, ty) {
            (Follow::Turn(_), None) => Follow::Lost,
            (Follow::Turn(_), Some(t)) if moves_messages(t) => Follow::Moves,
            (f, _) => f,
        }
    }
}

/// The [`Follow`] of message `m`, read from it (the message rules build the same as they go;
/// debug builds compare the two).
pub(super) fn follow_of(m: &Value<'_>) -> Follow {
    let role = m
        .get("role")
        .and_then(Value::as_str)
        .and_then(super::conversation::Role::of);
    let content = m.get("content");
    let follow =
        Follow::of_role(role).content(matches!(content, Some(Value::String(_) | Value::Array(_))));
    match content {
        Some(Value::Array(items)) => items.iter().fold(follow, |f, b| {
            f.block(b.get("type").and_then(|t| t.as_str()))
        }),
        _ => follow,
    }
}

/// The server's conversion of `messages`, or `None` when the messages are not well-formed
/// enough to follow (other rules report those). `follow(i)` is the [`Follow`] of message `i`;
/// `broken(i)` marks messages another rule rejects; `count` counts a text's characters.
pub(super) fn convert_all(
    messages: Array<'_>,
    follow: &dyn Fn(usize) -> Follow,
    broken: &dyn Fn(usize) -> bool,
    count: Count<'_>,
) -> Option<Conversion> {
    match convert_plain(messages, follow, broken, count) {
        Some(plain) => plain,
        None => convert_steps(messages, broken, count),
    }
}

/// The conversion step by step, as the server does it (any conversation).
fn convert_steps(
    messages: Array<'_>,
    broken: &dyn Fn(usize) -> bool,
    count: Count<'_>,
) -> Option<Conversion> {
    let msgs = read(messages, broken)?;
    let mut chats: Vec<Chat<'_>> = spare::take(&CHATS);
    chats.reserve(msgs.list.len());
    let mut calls: Vec<&str> = spare::take(&CALLS);
    for (k, m) in msgs.list.iter().enumerate() {
        convert(k, m, &msgs, &mut calls, &mut chats);
    }
    let converted = chats;
    let reordered = reorder_tools(&converted);
    spare::keep(&CHATS, converted);
    spare::keep(&CALLS, calls);
    let Some(chats) = reordered else {
        msgs.recycle();
        return None;
    };
    let conversion = steps_after_reorder(&chats, &msgs, count);
    spare::keep(&REORDERED, chats);
    msgs.recycle();
    conversion
}

/// [`convert_steps`] after the tool messages are reordered: the tldr reordering, the last user
/// message, the order check.
fn steps_after_reorder(
    chats: &[Chat<'_>],
    msgs: &Msgs<'_>,
    count: Count<'_>,
) -> Option<Conversion> {
    let (order, swapped) = match reorder_tldr(chats, msgs) {
        Ok(reordered) => reordered,
        Err(problem) => {
            return Some(Conversion {
                problem: Some(problem),
                last_user: None,
            })
        }
    };
    let last_user = order
        .iter()
        .rev()
        .find(|&&i| chats[i].role == Role::User)
        .map(|&i| last_user(&chats[i], msgs, count));
    let mut problem = order_problem(chats, &order);
    if problem.is_some() {
        if repeats(&order, chats.len()) {
            problem = Some(EQUAL_SUMMARIES);
        } else if swapped {
            problem = Some(EQUAL_USER_MESSAGES);
        }
    }
    spare::keep(&PLACES, order);
    Some(Conversion { problem, last_user })
}

/// The order problem of equal tldr summaries (see [`reorder_tldr`]).
const EQUAL_SUMMARIES: &str = "two tldr summaries are equal (same role, side and text): the server's tldr reordering takes messages out by value, keeps one twice and then rejects the order";

/// The order problem of equal user messages (see [`reorder_tldr`]).
const EQUAL_USER_MESSAGES: &str = "two user messages are equal: the server's tldr reordering takes a message out by value, the earlier one for the one before a user's tldr summary, then rejects the order";

/// Whether a place of `0..places` is in `order` twice (after [`reorder_tldr`], only when two
/// tldr summaries are equal: see there).
fn repeats(order: &[usize], places: usize) -> bool {
    let mut seen = vec![false; places];
    order.iter().any(|&i| std::mem::replace(&mut seen[i], true))
}

/// The conversion of a conversation without tool or tldr blocks, in one pass and without
/// building the intermediate messages (a body of a million messages stays at the size of its
/// tree): `None` when some block moves messages (the general path follows the server's steps).
///
/// Without those blocks the steps reduce to: system messages are taken out, consecutive
/// messages of one role merge, an assistant message with no content disappears, and the
/// resulting alternation of user and assistant messages always passes the order check. The
/// last user message is the last run of consecutive user messages (an assistant message, even
/// an empty one, ends a run: merging comes before the empty ones are dropped).
fn convert_plain(
    messages: Array<'_>,
    follow: &dyn Fn(usize) -> Follow,
    broken: &dyn Fn(usize) -> bool,
    count: Count<'_>,
) -> Option<Option<Conversion>> {
    // The last run of user messages: (first, last) indices into `messages`.
    let mut run: Option<(usize, usize)> = None;
    let mut in_run = false;
    // (each message as its `Follow` says, read by the message rules: only the roles and the
    // block types matter here; a block without a type makes the step-by-step `read` give up
    // too, and so does a malformed tool or tldr block, which the step-by-step path is handed)
    for src in 0..messages.len() {
        let user = match follow(src) {
            Follow::System => continue,
            Follow::Turn(user) => user,
            Follow::Moves => return None,
            Follow::Lost => return Some(None),
        };
        if user {
            run = Some(match run {
                Some((first, _)) if in_run => (first, src),
                _ => (src, src),
            });
        }
        in_run = user;
    }
    let last_user = run.map(|(first, last)| {
        let mut out = LastUser {
            index: last,
            ..LastUser::default()
        };
        for (src, m) in messages.iter().enumerate().take(last + 1).skip(first) {
            // (in the run: user messages, and system ones, which the conversion takes out)
            if follow(src) != Follow::Turn(true) {
                continue;
            }
            out.has_text |= broken(src);
            let mut text = |t: Txt<'_>| {
                let (nonblank, chars) = t.measure(count);
                out.has_text |= nonblank;
                out.text_chars += chars;
            };
            match m.get("content") {
                Some(Value::String(s)) => text(Txt::Str(s)),
                Some(Value::Array(items)) => {
                    // (no tldr blocks on this path: no roles are kept)
                    for b in items.iter() {
                        match block(&b, &mut Vec::new()) {
                            Some(Blk::Text(t)) => text(t),
                            Some(Blk::Image) => out.images += 1,
                            Some(Blk::Audio) => out.audios += 1,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        out
    });
    Some(Some(Conversion {
        problem: None,
        last_user,
    }))
}

fn last_user(chat: &Chat<'_>, msgs: &Msgs<'_>, count: Count<'_>) -> LastUser {
    match chat.origin {
        Origin::Tldr(index, txt) => {
            let (has_text, text_chars) = txt.measure(count);
            LastUser {
                index,
                from_tldr: true,
                has_text,
                text_chars,
                ..LastUser::default()
            }
        }
        Origin::Msg(k) => {
            let m = &msgs.list[k];
            let mut out = LastUser {
                index: m.src,
                has_text: m.broken,
                ..LastUser::default()
            };
            for b in msgs.blocks(m) {
                match b {
                    Blk::Text(t) => {
                        let (nonblank, chars) = t.measure(count);
                        out.has_text |= nonblank;
                        out.text_chars += chars;
                    }
                    Blk::Image => out.images += 1,
                    Blk::Audio => out.audios += 1,
                    _ => {}
                }
            }
            out
        }
        Origin::None => LastUser::default(),
    }
}

/// `_validate_message_order` on the final order.
fn order_problem(chats: &[Chat<'_>], order: &[usize]) -> Option<&'static str> {
    let mut previous: Option<Role> = None;
    for &i in order {
        let current = chats[i].role;
        if let Some(p) = previous {
            let ok = match p {
                Role::System => matches!(current, Role::User | Role::Assistant),
                Role::User => matches!(current, Role::Assistant | Role::User),
                Role::Assistant => matches!(current, Role::User | Role::Tool),
                Role::Tool => matches!(current, Role::Assistant | Role::User),
                Role::Other => false,
            };
            if !ok {
                let tldr_result = chats
                    .iter()
                    .any(|c| c.role == Role::Tool && c.tldr.is_some());
                return Some(match (p, current) {
                    (_, Role::Tool) if tldr_result => "a tool_result holding a tldr block is moved like a tldr summary by the server (its custom blocks go into the tool message), away from the tool call it answers, so the message order is invalid (\"Check ToolUseBlock and ToolResultBlock order.\")",
                    (_, Role::Tool) => "a tool result ends up where the server does not expect one (after its conversion the message order is invalid: \"Check ToolUseBlock and ToolResultBlock order.\")",
                    (Role::Assistant, Role::Assistant) => "after the server splits the assistant messages at tool calls and results, two assistant messages follow each other, which its message-order check rejects",
                    _ => "after the server's conversion of the messages (tool results, tldr summaries) their roles come in an order its message-order check rejects",
                });
            }
        }
        previous = Some(current);
    }
    None
}

/// The messages left after system messages are taken out (`None` if any is malformed), with
/// `_support_legacy_messages` and `_merge_messages` applied as they come.
fn read<'a>(messages: Array<'a>, broken: &dyn Fn(usize) -> bool) -> Option<Msgs<'a>> {
    let mut out = Msgs::spare();
    // one message's blocks, before they are split or merged (reused)
    let mut blocks: Vec<Blk<'a>> = spare::take(&READ);
    for (src, m) in messages.iter().enumerate() {
        let assistant = match m.get("role")?.as_str()? {
            "system" => continue,
            "user" => false,
            "assistant" => true,
            _ => return None,
        };
        blocks.clear();
        let text = match m.get("content")? {
            // Only whether an assistant's text is empty matters (an empty one makes no message):
            // one block stands for any non-empty string (not one per character).
            Value::String(s) if assistant => {
                if !s.is_empty() {
                    blocks.push(Blk::Other);
                }
                true
            }
            Value::String(s) => {
                blocks.push(Blk::Text(Txt::Str(s)));
                true
            }
            Value::Array(items) => {
                for b in items.iter() {
                    blocks.push(block(&b, &mut out.roles)?);
                }
                false
            }
            _ => return None,
        };
        let broken = broken(src);
        let mut m = In {
            assistant,
            blocks: (0, 0),
            text,
            src,
            broken,
        };
        // `_support_legacy_messages`: a user message holding a tool result is split into one
        // message per block, the results becoming assistant messages.
        if !assistant && !text && blocks.iter().any(|b| matches!(b, Blk::ToolResult(..))) {
            for b in &blocks {
                m.assistant = matches!(b, Blk::ToolResult(..));
                merge(&mut out, m, std::slice::from_ref(b));
            }
        } else {
            merge(&mut out, m, &blocks);
        }
    }
    spare::keep(&READ, blocks);
    Some(out)
}

/// The block types that are tool calls.
const TOOL_USES: [&str; 2] = ["tool_use", "server_tool_use"];

/// The block types that are tool results.
pub(super) const TOOL_RESULTS: [&str; 6] = [
    "tool_result",
    "server_tool_result",
    "web_search_tool_result",
    "web_fetch_tool_result",
    "bash_code_execution_tool_result",
    "text_editor_code_execution_tool_result",
];

/// Whether a block of type `ty` moves messages in the conversion (tool calls and results,
/// tldr summaries).
fn moves_messages(ty: &str) -> bool {
    ty == "tldr" || TOOL_USES.contains(&ty) || TOOL_RESULTS.contains(&ty)
}

/// What the conversion sees of a block; a tldr's role-carrying items go to `roles`.
fn block<'a>(b: &Value<'a>, roles: &mut Vec<(Role, Txt<'a>)>) -> Option<Blk<'a>> {
    let ty = b.get("type")?.as_str()?;
    Some(match ty {
        // (the most common block first: the tests below compare strings)
        "text" => Blk::Text(Txt::Block(*b)),
        ty if TOOL_USES.contains(&ty) => Blk::ToolUse(b.get("id")?.as_str()?),
        ty if TOOL_RESULTS.contains(&ty) => {
            let tldr = matches!(b.get("content"), Some(Value::Array(items))
                if items.iter().any(|it| it.get("type").and_then(Value::as_str) == Some("tldr")));
            Blk::ToolResult(b.get("tool_use_id")?.as_str()?, tldr)
        }
        "tldr" => {
            let side = match b.get("tldr_side") {
                None | Some(Value::Null) => "left",
                Some(v) => v.as_str()?,
            };
            let start = roles.len();
            if let Some(Value::Array(items)) = b.get("content") {
                for it in items.iter() {
                    if !super::blocks::tldr_text_item(&it) {
                        continue;
                    }
                    let role = match super::blocks::meta(it).and_then(|m| m.get("role")) {
                        None => continue,
                        Some(r) if !super::truthy(&r) => continue,
                        Some(Value::String(r)) => match r {
                            "user" => Role::User,
                            "assistant" => Role::Assistant,
                            "system" => Role::System,
                            "tool" => Role::Tool,
                            "developer" | "function" | "chatbot" | "model" => Role::Other,
                            _ => return None,
                        },
                        Some(_) => return None,
                    };
                    let txt = Txt::Block(it);
                    roles.push((role, txt));
                }
            }
            Blk::Tldr((start, roles.len()), side)
        }
        "mid_conv_system" => Blk::Text(match b.get("content") {
            Some(Value::Array(items)) => Txt::Items(items),
            _ => Txt::Unreadable,
        }),
        "image" => Blk::Image,
        "audio" => Blk::Audio,
        _ => Blk::Other,
    })
}

/// A text block's text: missing reads as `""` (the server's default); a value of another type
/// is reported by the block rules.
fn text_of<'a>(b: &Value<'a>) -> Txt<'a> {
    match b.get("text") {
        None => Txt::Str(""),
        Some(Value::String(t)) => Txt::Str(t),
        Some(_) => Txt::Unreadable,
    }
}

/// `_merge_messages`, one message at a time: `m` (whose blocks are `blocks`) joins the last
/// message if they have the same role. The last message's blocks are the end of the list, so
/// a merge appends to them.
fn merge<'a>(out: &mut Msgs<'a>, m: In, blocks: &[Blk<'a>]) {
    let store = &mut out.blocks;
    match out.list.last_mut() {
        Some(last) if last.assistant == m.assistant => {
            last.src = m.src;
            last.broken |= m.broken;
            if last.text && m.text {
                // two strings joined by a newline: one more character for an assistant
                if m.assistant {
                    store.push(Blk::Other);
                }
                store.extend_from_slice(blocks);
            } else {
                if last.text && last.assistant {
                    // the string becomes one text block
                    store.truncate(last.blocks.0);
                    store.push(Blk::Other);
                }
                if m.text && m.assistant {
                    store.push(Blk::Other);
                } else {
                    store.extend_from_slice(blocks);
                }
                last.text = false;
            }
            last.blocks.1 = store.len();
        }
        _ => {
            let start = store.len();
            store.extend_from_slice(blocks);
            out.list.push(In {
                blocks: (start, store.len()),
                ..m
            });
        }
    }
}

/// A chat message of `role` with no content of interest.
fn plain<'a>(role: Role) -> Chat<'a> {
    Chat {
        role,
        tldr: None,
        tool_call: None,
        tool_call_id: None,
        origin: Origin::None,
    }
}

/// An assistant message with the tool calls `calls` (taken): one message per call
/// (`_flat_tool_messages`), or one without calls.
fn push_assistant<'a>(calls: &mut Vec<&'a str>, out: &mut Vec<Chat<'a>>) {
    if calls.is_empty() {
        out.push(plain(Role::Assistant));
    }
    for call in calls.drain(..) {
        out.push(Chat {
            tool_call: Some(call),
            ..plain(Role::Assistant)
        });
    }
}

/// `_process_messages`, then `_convert_into_llama_index_messages` with `_flat_tool_messages`
/// (one message per tool call), in one pass over a message; `calls` is scratch space.
///
/// `_process_messages` cuts an assistant message after each tool use and around each tool
/// result (which stands alone), and each piece is converted on its own: here a piece ends
/// where those cuts are, with what the conversion does at the end of a message (no piece is
/// built).
fn convert<'a>(
    k: usize,
    m: &In,
    msgs: &Msgs<'a>,
    calls: &mut Vec<&'a str>,
    out: &mut Vec<Chat<'a>>,
) {
    if !m.assistant {
        out.push(Chat {
            origin: Origin::Msg(k),
            ..plain(Role::User)
        });
        return;
    }
    calls.clear();
    // content blocks waiting for a message
    let mut current = 0usize;
    // the end of a piece: its content and calls make an assistant message
    let end = |current: &mut usize, calls: &mut Vec<&'a str>, out: &mut Vec<Chat<'a>>| {
        if *current > 0 || !calls.is_empty() {
            push_assistant(calls, out);
        }
        *current = 0;
    };
    for b in msgs.blocks(m) {
        match *b {
            Blk::ToolUse(id) => {
                calls.push(id);
                end(&mut current, calls, out);
            }
            Blk::ToolResult(id, tldr) => {
                // (the piece before it has no calls: a tool use ends a piece)
                end(&mut current, calls, out);
                out.push(Chat {
                    tool_call_id: Some(id),
                    tldr: tldr.then_some("right"),
                    ..plain(Role::Tool)
                });
            }
            Blk::Tldr((from, to), side) => {
                end(&mut current, calls, out);
                for &(role, txt) in &msgs.roles[from..to] {
                    out.push(Chat {
                        tldr: Some(side),
                        origin: Origin::Tldr(m.src, txt),
                        ..plain(role)
                    });
                }
            }
            Blk::Text(_) | Blk::Image | Blk::Audio | Blk::Other => current += 1,
        }
    }
    end(&mut current, calls, out);
}

/// `_reorder_tool_messages`: each tool message right after the assistant message that calls
/// it; tool messages no call claims are dropped. Tldr sides other than `left` read as `right`.
///
/// Calls that share an id (an error of their own, `block.tool_use.unique_id`) each claim every
/// answer to it, as in the server: c such calls and a answers make c × a messages, a quadratic
/// list (7,000 turns reusing one id were gigabytes). Without tldr summaries the copies after the
/// first claim of an id with two answers or more are left out: that first claim already puts
/// two tool messages in a row, an order the check rejects there, before any copy, and the copies
/// are tool messages, never the last user message, so nothing read from the list changes. With
/// tldr summaries (which move messages) the list is followed exactly up to [`MAX_REORDERED`]
/// times the messages; past that, `None`: the conversion is not followed (the order check gives
/// no issue; the shared ids are already errors).
fn reorder_tools<'a>(chats: &[Chat<'a>]) -> Option<Vec<Chat<'a>>> {
    let mut result: Vec<usize> = spare::take(&PLACES);
    result.reserve(chats.len());
    let mut used: Vec<bool> = spare::take(&USED);
    used.resize(chats.len(), false);
    // The tool messages by the call they answer, in order within a call: the server scans the
    // whole list for each call; this is the same answer without the quadratic scan, and
    // without a map. (Sorted as pairs, unstably: each message's place `j` is unique and was
    // pushed in increasing order, so this is the stable sort by id, and the module keeps no
    // stable-sort code for it: -0.25 KB gzip in both WebAssembly modules.)
    let mut answers: Vec<(&str, usize)> = spare::take(&ANSWERS);
    answers.extend(
        chats
            .iter()
            .enumerate()
            .filter_map(|(j, r)| match (r.role, r.tool_call_id) {
                (Role::Tool, Some(id)) => Some((id, j)),
                _ => None,
            }),
    );
    answers.sort_unstable();
    let copies_matter = chats.iter().any(|c| c.tldr.is_some());
    let budget = chats.len().saturating_mul(MAX_REORDERED).max(1 << 12);
    for (i, m) in chats.iter().enumerate() {
        if result.len() > budget {
            spare::keep(&PLACES, result);
            spare::keep(&USED, used);
            spare::keep(&ANSWERS, answers);
            return None;
        }
        if used[i] {
            continue;
        }
        if m.tldr.is_some() {
            result.push(i);
            used[i] = true;
        } else if let (Role::Assistant, Some(call)) = (m.role, m.tool_call) {
            result.push(i);
            used[i] = true;
            let from = answers.partition_point(|a| a.0 < call);
            let to = from + answers[from..].partition_point(|a| a.0 == call);
            // (an earlier call claimed this id's answers: without tldr summaries only a claim
            // marks a tool message used)
            let again = answers.get(from).is_some_and(|&(_, j)| used[j]);
            if again && to - from >= 2 && !copies_matter {
                continue;
            }
            for &(_, j) in &answers[from..to] {
                if j != i {
                    used[j] = true;
                    result.push(j);
                }
            }
        } else if m.role == Role::Tool {
            // skipped: placed after its call, or dropped
        } else {
            result.push(i);
            used[i] = true;
        }
    }
    // a tool message claimed by two calls appears twice, as in the server
    let mut out = spare::take(&REORDERED);
    // (the side as written: the server compares messages by value, side included, in its tldr
    // reordering; only `left` counts as left)
    out.extend(result.iter().map(|&i| chats[i]));
    spare::keep(&PLACES, result);
    spare::keep(&USED, used);
    spare::keep(&ANSWERS, answers);
    Some(out)
}

/// How many times the messages the tool reordering may make, when calls share ids in a
/// conversation with tldr summaries (see [`reorder_tools`]).
const MAX_REORDERED: usize = 8;

/// `_reorder_tldr_messages`: the order of `chats` (indices) after tldr summaries are moved
/// around their user message, and whether a user message was taken out in the place of an
/// equal one (see [`value_classes`]); or why the server raises.
fn reorder_tldr(chats: &[Chat<'_>], msgs: &Msgs<'_>) -> Result<(Vec<usize>, bool), &'static str> {
    let has_tldr = |i: usize| chats[i].tldr.is_some();
    if !(0..chats.len()).any(has_tldr) {
        // every block is added as it is, and no two neighbours are merged
        let mut order = spare::take(&PLACES);
        order.extend(0..chats.len());
        return Ok((order, false));
    }
    let is_user_anchor = |i: usize| chats[i].role == Role::User && !has_tldr(i);
    // split into blocks that start at each plain user message
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for i in 0..chats.len() {
        if is_user_anchor(i) && !cur.is_empty() {
            blocks.push(std::mem::take(&mut cur));
        }
        cur.push(i);
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let mut result: Vec<usize> = Vec::new();
    let mut ids = vec![false; chats.len()];
    let add = |result: &mut Vec<usize>, ids: &mut Vec<bool>, msgs: &[usize]| {
        for &m in msgs {
            if !ids[m] {
                result.push(m);
                ids[m] = true;
            }
        }
    };
    for block in &blocks {
        let positions: Vec<usize> = (0..block.len()).filter(|&j| has_tldr(block[j])).collect();
        if positions.is_empty() {
            add(&mut result, &mut ids, block);
            continue;
        }
        let user = block[0];
        if chats[user].role != Role::User {
            return Err("a tldr's summary comes before any user message: the server's tldr reordering needs a user message first (\"First message in the block must be a USER message.\")");
        }
        // consecutive runs of tldr positions
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &p in &positions {
            match groups.last_mut() {
                Some(g) if *g.last().unwrap_or(&usize::MAX) + 1 == p => g.push(p),
                _ => groups.push(vec![p]),
            }
        }
        let mut prev_count = 0usize;
        let n = groups.len();
        for (gi, g) in groups.iter().enumerate() {
            let earliest = g[0];
            let latest = if gi + 1 == n {
                block.len()
            } else {
                g[g.len() - 1] + 1
            };
            let remaining = &block[earliest..latest];
            let has_left = remaining
                .iter()
                .any(|&m| chats[m].role == Role::User && chats[m].tldr == Some("left"));
            if !has_left {
                add(&mut result, &mut ids, &[user]);
                let count = remaining.iter().filter(|&&m| has_tldr(m)).count();
                let skip = if count > prev_count { prev_count } else { 0 };
                prev_count = count;
                let mut skipped = 0;
                for &m in remaining {
                    if has_tldr(m) {
                        if skipped < skip {
                            skipped += 1;
                        } else {
                            result.push(m);
                            ids[m] = true;
                        }
                    } else {
                        add(&mut result, &mut ids, &[m]);
                    }
                }
            } else {
                let (tl, other): (Vec<usize>, Vec<usize>) =
                    remaining.iter().partition(|&&m| has_tldr(m));
                // (every place marked is in `result`: unmarking those, not every place, keeps
                // a conversation of many left summaries linear)
                for &m in &result {
                    ids[m] = false;
                }
                result.clear();
                prev_count = 0;
                add(&mut result, &mut ids, &tl);
                add(&mut result, &mut ids, &[user]);
                add(&mut result, &mut ids, &other);
            }
        }
    }
    // Consecutive same-role messages caused by the reordering. The server's list of them
    // (`final_result`) takes a message out with `list.remove`, which finds the first message
    // *equal* to it (pydantic compares messages by value: two tldr summaries of one role, side
    // and text are equal), while which messages are in it is kept by identity
    // (`final_result_ids`): the list follows classes of equal messages, `ids` the identities.
    let class = value_classes(chats, msgs);
    let mut fin = Fin::new(chats.len());
    let mut ids = vec![false; chats.len()];
    let mut last: Option<usize> = None;
    let mut swapped = false;
    for &m in &result {
        match last {
            Some(l) if chats[l].role == chats[m].role => {
                if has_tldr(m) && ids[l] {
                    let Some(taken) = fin.remove_first(class[l]) else {
                        // (an equal message taken out earlier in its place)
                        return Err(EQUAL_SUMMARIES);
                    };
                    swapped |= taken != l && !has_tldr(l);
                    ids[l] = false;
                }
                if has_tldr(l) {
                    if !ids[l] {
                        fin.push(l, class[l]);
                        ids[l] = true;
                    }
                } else {
                    fin.push(m, class[m]);
                    ids[m] = true;
                }
            }
            _ => {
                fin.push(m, class[m]);
                ids[m] = true;
            }
        }
        last = Some(m);
    }
    Ok((fin.into_order(), swapped))
}

/// For each message, a class shared by the messages equal to it by value as the server's
/// pydantic models compare them (the place of the first of them): a tldr summary is
/// `ChatMessage(role, [TextBlock(text)], {"tldr": side})`, so summaries of one role, side (as
/// written) and text are equal; a user message of text alone is `ChatMessage(user,
/// [TextBlock(text), ...])`, so user messages of the same texts (strings or text blocks;
/// strings merged are their text joined by newlines) are equal (found by the oracle:
/// `[assistant, user "hi", assistant, user "hi", a user's tldr summary, user]` is rejected,
/// the first "hi" being taken out in place of the second). Any other message is a class of its
/// own (not modelled: equal assistant or tool messages, and equal user messages with media or
/// other blocks, which the server's reordering also compares by value: the oracle rejects
/// `[assistant, user [image], assistant, user [the same image], a user's tldr summary, user]`,
/// which the validator accepts; comparing blocks as written cost 0.4–0.5 KB gzip of the
/// WebAssembly modules, which have no room for it under their budgets).
fn value_classes(chats: &[Chat<'_>], msgs: &Msgs<'_>) -> Vec<usize> {
    let mut class: Vec<usize> = (0..chats.len()).collect();
    // Summaries by their text and user messages by the first line of theirs, sorted: equal
    // messages have equal keys, and the places of a key ascend. A message takes the class of
    // the first earlier one of its key that is equal to it: the first message of each value is
    // kept for its key (up to MAX_VALUES values a key: past them a message is a class of its
    // own, which keeps a body of one text in n sides, or of n user messages of one first line,
    // linear).
    let mut keyed: Vec<(&str, usize)> = chats
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let key =
                summary_text(c).or_else(|| UserMessage::of(c, msgs).map(UserMessage::first_line));
            Some((key?, i))
        })
        .collect();
    keyed.sort_unstable();
    // the first message of each value of the current key, with what is compared of it (read
    // once: the user message a first is compared as)
    let mut firsts: Vec<(usize, Option<UserMessage<'_, '_>>)> = Vec::new();
    for (g, &(key, i)) in keyed.iter().enumerate() {
        if g > 0 && keyed[g - 1].0 != key {
            firsts.clear();
        }
        let (c, user) = (&chats[i], UserMessage::of(&chats[i], msgs));
        let equal = |&(j, first): &(usize, Option<UserMessage<'_, '_>>)| {
            let o = &chats[j];
            match (user, first) {
                (Some(a), Some(b)) => a == b,
                // two summaries of one text
                (None, None) => o.role == c.role && o.tldr == c.tldr,
                _ => false,
            }
        };
        match firsts.iter().find(|f| equal(f)) {
            Some(&(j, _)) => class[i] = class[j],
            None if firsts.len() < MAX_VALUES => firsts.push((i, user)),
            None => {}
        }
    }
    class
}

/// How many values of one key [`value_classes`] tells apart (summaries of one text, user
/// messages of one first line: templated messages share one).
const MAX_VALUES: usize = 64;

/// A user message of text alone, as far as it is compared with others (see
/// [`value_classes`]): the server's chat message holds a text block for each of its texts, or
/// one for strings merged (joined by newlines).
#[derive(Clone, Copy)]
struct UserMessage<'a, 'm> {
    /// Its blocks, each a readable text.
    blocks: &'m [Blk<'a>],
    /// They are strings merged into one text.
    joined: bool,
}

impl<'a, 'm> UserMessage<'a, 'm> {
    /// `c` as a user message of text alone (`None`: another message, or one with another
    /// block or an unreadable text).
    fn of(c: &Chat<'a>, msgs: &'m Msgs<'a>) -> Option<Self> {
        let (Role::User, None, Origin::Msg(k)) = (c.role, c.tldr, c.origin) else {
            return None;
        };
        let m = msgs.list.get(k)?;
        let blocks = msgs.blocks(m);
        if blocks.is_empty() || !blocks.iter().all(|b| Self::text(b).is_some()) {
            return None;
        }
        Some(UserMessage {
            blocks,
            joined: m.text && blocks.len() > 1,
        })
    }

    fn text(b: &Blk<'a>) -> Option<&'a str> {
        match *b {
            Blk::Text(Txt::Str(t)) => Some(t),
            Blk::Text(Txt::Block(v)) => match text_of(&v) {
                Txt::Str(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// The first line of its first text (the same whether strings are joined or not).
    fn first_line(self) -> &'a str {
        let first = self.blocks.first().and_then(Self::text).unwrap_or("");
        first.split('\n').next().unwrap_or(first)
    }

    /// Its text when it has one text block: its texts joined by newlines (made only for a
    /// message whose first line is another's).
    fn joined(self) -> String {
        let mut text = String::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(Self::text(b).unwrap_or(""));
        }
        text
    }
}

impl PartialEq for UserMessage<'_, '_> {
    /// Equal as the server's chat messages are: the same text blocks.
    fn eq(&self, other: &Self) -> bool {
        if self.joined || other.joined {
            // one text block each, joined alike
            let one = |m: &Self| m.joined || m.blocks.len() == 1;
            return one(self) && one(other) && self.joined() == other.joined();
        }
        self.blocks.len() == other.blocks.len()
            && self
                .blocks
                .iter()
                .zip(other.blocks)
                .all(|(a, b)| Self::text(a) == Self::text(b))
    }
}

/// A tldr summary's text (`None`: not a summary, or a text not read here).
fn summary_text<'a>(c: &Chat<'a>) -> Option<&'a str> {
    match (c.origin, c.tldr) {
        (Origin::Tldr(_, Txt::Str(t)), Some(_)) => Some(t),
        (Origin::Tldr(_, Txt::Block(b)), Some(_)) => match b.get("text") {
            None => Some(""),
            Some(Value::String(t)) => Some(t),
            Some(_) => None,
        },
        _ => None,
    }
}

/// The list of message places the last step of [`reorder_tldr`] builds (the server's
/// `final_result`), each in a class of equal messages, with its operations in constant time: a
/// message is taken out (the first of its class) by leaving a hole, and the entries of each
/// class are linked in order. A scan of the list per removal (the server's `list.remove` is
/// one) took O(n²) time: 160,000 assistant messages each with a user's tldr summary took 7.9 s.
struct Fin {
    /// The places pushed, `NONE` where one was taken out.
    list: Vec<usize>,
    /// For each entry of `list`, the next entry of the same class.
    next: Vec<usize>,
    /// For each class: its first and its last entry (`NONE`: none).
    ends: Vec<(usize, usize)>,
}

const NONE: usize = usize::MAX;

impl Fin {
    /// An empty list of places whose classes are below `places`.
    fn new(places: usize) -> Self {
        Fin {
            list: Vec::new(),
            next: Vec::new(),
            ends: vec![(NONE, NONE); places],
        }
    }

    fn push(&mut self, place: usize, class: usize) {
        let at = self.list.len();
        self.list.push(place);
        self.next.push(NONE);
        let (first, last) = &mut self.ends[class];
        if *first == NONE {
            *first = at;
        } else {
            self.next[*last] = at;
        }
        *last = at;
    }

    /// Take out the first entry of `class`: the place it held (`None`: the class has none).
    fn remove_first(&mut self, class: usize) -> Option<usize> {
        let first = &mut self.ends[class].0;
        if *first == NONE {
            return None;
        }
        let place = std::mem::replace(&mut self.list[*first], NONE);
        *first = self.next[*first];
        Some(place)
    }

    fn into_order(self) -> Vec<usize> {
        let mut order = spare::take(&PLACES);
        order.extend(self.list.into_iter().filter(|&p| p != NONE));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::json::{parse, Arena};
    use proptest::prelude::*;

    /// The messages' [`Follow`]s, read from them, as `convert_all` takes them.
    fn follows_of(list: Array<'_>) -> impl Fn(usize) -> Follow {
        let follows: Vec<Follow> = list.iter().map(|m| follow_of(&m)).collect();
        move |i| follows[i]
    }

    /// A message of a conversation without tool or tldr blocks (sometimes malformed).
    fn message() -> impl Strategy<Value = String> {
        let role = prop_oneof![
            4 => Just("\"user\""),
            4 => Just("\"assistant\""),
            1 => Just("\"system\""),
            1 => Just("\"developer\""),
            1 => Just("7"),
        ];
        let text = prop_oneof![Just(""), Just("  "), Just("hi"), Just("héllo")];
        let block = prop_oneof![
            text.clone()
                .prop_map(|t| format!(r#"{{"type":"text","text":"{t}"}}"#)),
            Just(r#"{"type":"text"}"#.to_owned()),
            Just(r#"{"type":"text","text":5}"#.to_owned()),
            Just(r#"{"type":"image","data":"AA=="}"#.to_owned()),
            Just(r#"{"type":"audio","data":"AA=="}"#.to_owned()),
            Just(r#"{"type":"thinking","thinking":"t"}"#.to_owned()),
            Just(r#"{"type":"mid_conv_system","content":[{"text":" "},{"text":"x"}]}"#.to_owned()),
            Just(r#"{"text":"no type"}"#.to_owned()),
            // blocks that move messages (the one-pass path hands these over)
            Just(r#"{"type":"tool_use","id":"a","name":"f","input":{}}"#.to_owned()),
            Just(r#"{"type":"tool_use","name":"f","input":{}}"#.to_owned()),
            Just(r#"{"type":"tool_result","tool_use_id":"a","content":"x"}"#.to_owned()),
            Just(
                r#"{"type":"tldr","content":[{"type":"text","text":"s","_meta":{"role":"user"}}]}"#
                    .to_owned()
            ),
            Just(
                r#"{"type":"tldr","content":[{"type":"text","text":"s","_meta":{"role":"x"}}]}"#
                    .to_owned()
            ),
        ];
        let content = prop_oneof![
            text.prop_map(|t| format!("\"{t}\"")),
            proptest::collection::vec(block, 0..4).prop_map(|b| format!("[{}]", b.join(","))),
            Just("null".to_owned()),
        ];
        (role, content).prop_map(|(r, c)| format!(r#"{{"role":{r},"content":{c}}}"#))
    }

    proptest! {
        /// [`Fin`] does what the server's list does: a push appends, a removal takes out the
        /// first entry equal to a message (here: of its class, the place modulo 3).
        #[test]
        fn fin_is_the_servers_list(ops in proptest::collection::vec((any::<bool>(), 0usize..5), 0..40)) {
            let class = |place: usize| place % 3;
            let (mut fin, mut list) = (Fin::new(5), Vec::new());
            for (push, place) in ops {
                if push {
                    fin.push(place, class(place));
                    list.push(place);
                } else {
                    let at = list.iter().position(|&x| class(x) == class(place));
                    prop_assert_eq!(fin.remove_first(class(place)), at.map(|at| list[at]));
                    if let Some(at) = at {
                        list.remove(at);
                    }
                }
            }
            prop_assert_eq!(fin.into_order(), list);
        }
    }

    proptest! {
        /// The conversion (one pass where it can) is the step-by-step one's; conversations
        /// without tool or tldr blocks always take the one pass.
        #[test]
        fn conversions_agree_with_the_step_by_step_one(
            msgs in proptest::collection::vec(message(), 0..12),
            broken in proptest::collection::vec(any::<bool>(), 12),
        ) {
            let text = format!("[{}]", msgs.join(","));
            let arena = Arena::new();
            let v = parse(&text, 64, &arena).unwrap().value;
            let list = v.as_array().unwrap();
            let broken = |i: usize| i < list.len() && broken[i];
            let broken: &dyn Fn(usize) -> bool = &broken;
            let count = |s: &str| s.chars().count();
            let count: Count<'_> = Some(&count);
            let steps = convert_steps(list, broken, count);
            let follow = follows_of(list);
            prop_assert_eq!(convert_all(list, &follow, broken, count), steps, "{}", text);
            if !text.contains("tool_") && !text.contains("tldr") {
                prop_assert!(convert_plain(list, &follow, broken, count).is_some(), "{}", text);
            }
        }
    }

    #[test]
    fn tool_and_tldr_blocks_take_the_step_by_step_path() {
        for b in [
            r#"{"type":"tool_use","id":"a","name":"f","input":{}}"#,
            r#"{"type":"tool_result","tool_use_id":"a","content":"x"}"#,
            r#"{"type":"tldr","content":[]}"#,
        ] {
            let text = format!(r#"[{{"role":"assistant","content":[{b}]}}]"#);
            let arena = Arena::new();
            let v = parse(&text, 64, &arena).unwrap().value;
            let list = v.as_array().unwrap();
            assert!(convert_plain(
                list,
                &follows_of(list),
                &|_| false,
                Some(&|s: &str| s.len())
            )
            .is_none());
        }
    }

    /// The conversion's problem for `[assistant, FIRST, assistant, SECOND, a user's tldr
    /// summary, user]`, FIRST and SECOND being user messages (or runs of them).
    fn problem_after_user_messages(first: &str, second: &str) -> Option<&'static str> {
        let text = format!(
            r#"[{{"role":"assistant","content":"ok"}},{first},{{"role":"assistant","content":"ok"}},{second},{{"role":"assistant","content":[{{"type":"tldr","tldr_side":"right","content":[{{"type":"text","text":"sum","_meta":{{"role":"user"}}}}]}}]}},{{"role":"user","content":"z"}}]"#
        );
        let arena = Arena::new();
        let v = parse(&text, 64, &arena).unwrap().value;
        let list = v.as_array().unwrap();
        convert_all(list, &follows_of(list), &|_| false, None)
            .unwrap()
            .problem
    }

    /// The verdicts of the server's own request path (the oracle) on these bodies: two equal
    /// user messages make its tldr reordering take out the first in place of the second, and
    /// the list it checks then starts with two assistant messages.
    #[test]
    fn equal_user_messages_are_taken_out_in_each_others_place() {
        let user = |content: &str| format!(r#"{{"role":"user","content":{content}}}"#);
        let block = |t: &str| format!(r#"{{"type":"text","text":"{t}"}}"#);
        let equal = [
            (user(r#""hi""#), user(r#""hi""#)),
            // a string and a text block: the same chat message
            (user(r#""hi""#), user(&format!("[{}]", block("hi")))),
            (user(&format!("[{}]", block(r"h\u0069"))), user(r#""hi""#)),
            // strings merged: one text joined by a newline
            (
                format!("{},{}", user(r#""hi""#), user(r#""x""#)),
                user(r#""hi\nx""#),
            ),
            (
                format!("{},{}", user(r#""hi""#), user(r#""x""#)),
                format!("{},{}", user(r#""hi""#), user(r#""x""#)),
            ),
        ];
        for (first, second) in &equal {
            assert_eq!(
                problem_after_user_messages(first, second),
                Some(EQUAL_USER_MESSAGES),
                "{first} {second}"
            );
        }
        let different = [
            (user(r#""hi""#), user(r#""yo""#)),
            // two text blocks are not one text joined by a newline
            (
                user(&format!("[{},{}]", block("hi"), block("x"))),
                user(r#""hi\nx""#),
            ),
            (
                user(&format!("[{},{}]", block("hi"), block("x"))),
                user(&format!("[{}]", block("hi"))),
            ),
        ];
        for (first, second) in &different {
            assert_eq!(
                problem_after_user_messages(first, second),
                None,
                "{first} {second}"
            );
        }
    }

    #[test]
    fn a_long_assistant_text_costs_one_block() {
        let text = format!(
            r#"[{{"role":"assistant","content":"{}"}}]"#,
            "x".repeat(1000)
        );
        let arena = Arena::new();
        let v = parse(&text, 64, &arena).unwrap().value;
        let msgs = read(v.as_array().unwrap(), &|_| false).unwrap();
        assert_eq!(msgs.blocks(&msgs.list[0]).len(), 1);
    }
}

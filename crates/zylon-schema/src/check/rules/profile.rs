//! RULES.md §15: model-dependent checks, run only when the caller passes a server [`Profile`].

use super::keys::req as k;
use crate::check::fields::Fields;
use crate::check::json::Value;

use super::messages::MessagesFacts;
use super::system::SystemFacts;
use super::{Code, Ctx};
use crate::check::Profile;

/// Estimated tokens for a number of characters (⌈chars / 4⌉).
pub(super) fn estimate_tokens(chars: usize) -> usize {
    chars.div_ceil(4)
}

pub(super) fn check(
    ctx: &mut Ctx<'_>,
    req: &Fields<'_>,
    p: &Profile,
    msgs: &MessagesFacts,
    sys: &SystemFacts,
    tools: bool,
) {
    let model = p.model.as_deref().unwrap_or("default");
    if tools && p.supports_tools == Some(false) {
        let key = if req
            .get(k::TOOLS)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            "tools"
        } else {
            "mcp_servers"
        };
        ctx.at_key(
            crate::Severity::Error,
            Code::ModelToolsSupport,
            key,
            format!(
                "model `{}` does not support tool usage, but tools are configured",
                super::short(model)
            ),
            None,
        );
    }
    if sys.thinking_enabled && p.supports_reasoning == Some(false) {
        ctx.key("thinking", |ctx| {
            ctx.error(
                Code::ModelReasoningSupport,
                format!(
                    "model `{}` does not support reasoning, but reasoning is enabled",
                    super::short(model)
                ),
            )
        });
    }
    let Some(last) = msgs.last_user else { return };
    ctx.key("messages", |ctx| {
        ctx.idx(last.index, |ctx| {
            ctx.key("content", |ctx| {
                if last.images > 0 && p.supports_images == Some(false) {
                    ctx.error(Code::ModelImageSupport, "the model does not support images, but the last user message contains image blocks");
                } else if let Some(max) = p.max_images.filter(|m| last.images > *m as usize) {
                    ctx.error(Code::ModelImageCount, format!("the model supports at most {max} images, but the last user message contains {}", last.images));
                }
                if last.audios > 0 && p.supports_audio == Some(false) {
                    ctx.error(Code::ModelAudioSupport, "the model does not support audio, but the last user message contains audio blocks");
                } else if let Some(max) = p.max_audios.filter(|m| last.audios > *m as usize) {
                    ctx.error(Code::ModelAudioCount, format!("the model supports at most {max} audio blocks, but the last user message contains {}", last.audios));
                }
            })
        })
    });
    if let Some(limit) = p.max_input_tokens.map(|l| l as usize) {
        let msg_tokens = estimate_tokens(last.text_chars);
        let sys_tokens = estimate_tokens(sys.text_chars);
        if msg_tokens > limit {
            ctx.key("messages", |ctx| {
                ctx.idx(last.index, |ctx| {
                    ctx.key("content", |ctx| {
                        ctx.error(Code::ModelTokenLimit, format!("the message length (about {msg_tokens} tokens) exceeds the maximum token limit {limit}"))
                    })
                })
            });
        } else if sys_tokens > limit {
            ctx.key("system", |ctx| {
                ctx.error(Code::ModelTokenLimit, format!("the system prompt length (about {sys_tokens} tokens) exceeds the maximum token limit {limit}"))
            });
        } else if msg_tokens + sys_tokens > limit {
            ctx.key("messages", |ctx| {
                ctx.idx(last.index, |ctx| {
                    ctx.key("content", |ctx| {
                        ctx.error(
                            Code::ModelTokenLimit,
                            format!("the message and system prompt together (about {} tokens) exceed the maximum token limit {limit}", msg_tokens + sys_tokens),
                        )
                    })
                })
            });
        }
    }
}

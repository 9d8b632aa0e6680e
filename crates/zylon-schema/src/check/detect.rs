//! Telling the request kind of a body from its top-level keys (`kind: auto`).

use super::{json, Kind, MAX_DEPTH};

/// The request kind a body most likely is, from its top-level keys (chat when unsure or
/// unparsable): `pgpt` with `thread_id`/`agent` → interaction; other `pgpt` → project-chat;
/// `name` and `visibility` without `messages` → thread; one of them → thread-update.
/// Borrows the text (no copy of large strings).
pub fn detect_kind(bytes: &[u8]) -> Kind {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Kind::Chat;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let arena = json::Arena::new();
    let Ok(json::Parsed {
        value: json::Value::Object(o),
        ..
    }) = json::parse(text, MAX_DEPTH, &arena)
    else {
        return Kind::Chat;
    };
    kind_of(&o)
}

/// The kind of a body from its top-level keys (see [`detect_kind`]).
pub(super) fn kind_of(o: &json::Object<'_>) -> Kind {
    let has = |k: &str| o.contains_key(k);
    if has("pgpt") {
        if has("thread_id") || has("agent") {
            Kind::Interaction
        } else {
            Kind::ProjectChat
        }
    } else if !has("messages") && (has("name") || has("visibility")) {
        if has("name") && has("visibility") {
            Kind::Thread
        } else {
            Kind::ThreadUpdate
        }
    } else {
        Kind::Chat
    }
}

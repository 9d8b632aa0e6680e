//! Telling the request kind of a body from its top-level keys (`kind: auto`).

use super::{json, Kind, MAX_DEPTH};

/// The request kind a body most likely is, from its top-level keys (chat when unsure or
/// unparsable): `pgpt` with `thread_id`/`agent` → interaction; other `pgpt` → project-chat;
/// `name` and `visibility` without `messages` → thread; one of them → thread-update.
/// The bytes are read as the server reads them (UTF-16 and UTF-32 too, see [`Encoding`]);
/// UTF-8 is borrowed (no copy of large strings).
///
/// [`Encoding`]: crate::Encoding
pub fn detect_kind(bytes: &[u8]) -> Kind {
    let text = super::encoding::text(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
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

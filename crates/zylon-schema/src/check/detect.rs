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
    use super::encoding::{read, Note, Read};
    let decoded;
    // (a UTF-8 byte order mark is skipped, as `validate_text` skips it; a U+FEFF in UTF-16 or
    // UTF-32 text is text, which the parse rejects)
    let text = match read(bytes) {
        Read::Utf8(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Read::Decoded(text, note) => {
            decoded = text;
            match note {
                Note::Wide(_) => &decoded,
                Note::Surrogates(_) => decoded.strip_prefix('\u{feff}').unwrap_or(&decoded),
            }
        }
        Read::Invalid(_) => return Kind::Chat,
    };
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

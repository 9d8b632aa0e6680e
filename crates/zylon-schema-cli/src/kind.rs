//! `--kind auto`: tell the body kind from its top-level keys.

use zylon_schema::Kind;

/// The kind a body most likely is (chat when unsure or unparsable).
pub fn detect(bytes: &[u8]) -> Kind {
    let Ok(serde_json::Value::Object(o)) = serde_json::from_slice::<serde_json::Value>(bytes)
    else {
        return Kind::Chat;
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_request_kind() {
        assert_eq!(detect(br#"{"messages":[]}"#), Kind::Chat);
        assert_eq!(detect(br#"{"pgpt":{},"thread_id":"t"}"#), Kind::Interaction);
        assert_eq!(
            detect(br#"{"pgpt":{},"agent":"Default"}"#),
            Kind::Interaction
        );
        assert_eq!(detect(br#"{"pgpt":{}}"#), Kind::ProjectChat);
        assert_eq!(
            detect(br#"{"name":"n","visibility":"Private"}"#),
            Kind::Thread
        );
        assert_eq!(detect(br#"{"name":"n"}"#), Kind::ThreadUpdate);
        assert_eq!(detect(b"not json"), Kind::Chat);
    }
}

//! `--kind auto`: the core tells the body kind from its top-level keys.

pub use zylon_schema::detect_kind as detect;

#[cfg(test)]
mod tests {
    use super::*;
    use zylon_schema::Kind;

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

//! Media data: base64 / data: URI / URL classification, mime parsing, magic-byte sniffing.

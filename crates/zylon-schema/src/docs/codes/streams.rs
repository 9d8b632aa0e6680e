//! The documentation of the codes of response streams (server-sent events).

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "response streams (server-sent events)";

/// The codes of response streams (server-sent events), in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "stream.syntax",
        severity: "error",
        why: "A client cannot decode the event.",
        fix: "Check the capture: each event is `event:`/`data:` lines and a blank line; data is JSON.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.incomplete",
        severity: "warning (error when there is no message_start)",
        why: "A browser EventSource drops an unterminated last event; a stream without `message_stop` was cut off.",
        fix: "Capture the whole stream (up to `message_stop` and its blank line).",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.order",
        severity: "error (warning for events before message_start)",
        why: "The events do not describe a well-formed message.",
        fix: "Report it: the server sent events out of order, or the capture was spliced.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.event",
        severity: "warning (error when the block is missing)",
        why: "The event lacks a field that identifies the block.",
        fix: "Nothing to fix on your side; the event lacks a field the Workspace spec lists.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.error_event",
        severity: "error",
        why: "The server reported an error during generation.",
        fix: "Read the error message; the answer may be incomplete.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.unknown_event",
        severity: "warning",
        why: "A newer server may send events this library does not know; they are kept, not applied.",
        fix: "Update zylon-schema; the event was kept unchanged.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
    CodeDoc {
        code: "stream.input_json",
        severity: "error",
        why: "The streamed tool arguments do not form valid JSON.",
        fix: "The tool arguments were cut off; retry the request.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/stream/accumulate.rs"],
    },
];

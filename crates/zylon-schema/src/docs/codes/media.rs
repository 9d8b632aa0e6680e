//! The documentation of the codes of 6. media blocks.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "6. media blocks";

/// The codes of 6. media blocks, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "block.image.data_required",
        severity: "error",
        why: "Image needs `data` (+ `mime_type`, below), or `url`/`uri`, or `source`. — the server rejects the body with HTTP 400 (request validation) (\"source: Field required\"). Source: `private_gpt/events/models/_content_blocks.py:262`, `api-reference/workspace.json:6009`.",
        fix: "Add `data`: base64, a `data:` URI or an https URL.",
        points_at: "/…/j/data (image without `data`, `url`, `uri` and `source`); /…/j/data (audio likewise)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.mime_type_required",
        severity: "warning (hint: detected type)",
        why: "Flat shape: `mime_type` is **required** by the server, although workspace.json and the threads docs make it optional. Without it the block is not upgraded and fails. — the server rejects the body with HTTP 400 (request validation) (\"image.source: Field required\"). Source: `private_gpt/events/models/_content_blocks.py:175`.",
        fix: "Add `\"mime_type\"`, e.g. `\"image/png\"` (the hint gives the type detected from the bytes; `zylon-schema fix` adds it).",
        points_at: "/…/j/mime_type (image with `data` but no `mime_type`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "block.image.mime_type_coerced",
        severity: "warning",
        why: "Flat shape: a `mime_type` outside image/jpeg, png, gif, webp is silently replaced by `image/png`. — the server accepts it but silently replaces the value. Source: `private_gpt/events/models/_content_blocks.py:235`.",
        fix: "Convert the image to PNG, JPEG, GIF or WebP.",
        points_at: "/…/j/mime_type (image `mime_type` a valid type outside jpeg/png/gif/webp)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.media_type_enum",
        severity: "error",
        why: "`source` shape: `media_type` must be one of image/jpeg, png, gif, webp. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'\"). Source: `private_gpt/events/models/_content_blocks.py:232`, `:248`.",
        fix: "Use image/jpeg, image/png, image/gif or image/webp in `source.media_type`.",
        points_at: "/…/j/source/media_type (`source`-shaped image with `media_type` not jpeg/png/gif/webp)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.url_fetched",
        severity: "error (warning for binary) / warning",
        why: "`data` matching `^[a-zA-Z][a-zA-Z0-9+.-]*://` (http, https, s3, ftp, custom+v1, ...) is treated as a URL (also for audio/binary). The server **downloads** image/audio URLs while mapping the request (s3:// through its S3 helper, others with an HTTP GET); a failing download fails the request. A `url`/`uri` key is accepted too (not in workspace.json). — the request is accepted, but it fails (or not) at run time. Source: `private_gpt/events/models/_content_blocks.py:156`, `private_gpt/chat/input_models.py:900`.",
        fix: "Make sure the server can download the URL (http, https or s3), or send base64.",
        points_at: "/…/j/data (a `scheme://` url without a host (`file:///x`): not downloaded but read as a local path (`_is_url` needs a host); `s3://` is fetched from s3); /…/j/data (url with a scheme other than http/https/s3 (e.g. `ftp://`, `file://`, `gs://`))",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.data_uri",
        severity: "error (warning for binary)",
        why: "`data:<mime>;base64,<payload>` strings are accepted and decoded. — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/server/ingest/uri_loader.py:20`.",
        fix: "Use `data:<mime>;base64,<payload>` with a strict base64 payload.",
        points_at: "/…/j/data (`data:` uri without a comma, or whose payload fails python's lenient `b64decode` (non-ascii, bad padding; the `;base64` marker is not looked at))",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.base64_decodable",
        severity: "error / warning",
        why: "Non-URL `data` must be **strict** base64 (padding, alphabet). Anything else is treated as a **local file path** on the server and fails with a 500 (`FileNotFoundError`) rather than a 400. Client validators must reject it. — the server fails with HTTP 500 (\"No such file or directory\"). Source: `private_gpt/server/ingest/uri_loader.py:56`.",
        fix: "Send standard base64 with `=` padding and no line breaks, a `data:` URI or a URL — never a file path or a placeholder.",
        points_at: "/…/j/data (image/audio `data` neither strict base64 (after stripping surrounding whitespace), nor `data:` uri, nor `scheme://` url (placeholder text, missing padding, url-safe alphabet `-_`, newlines inside): the server reads it as a file path (`uri_loader.load_file_from_uri`)); /…/j/data (`data` empty (`\"\"`, `data:;base64,`) — zero bytes — or with whitespace around (stripped); `binary` data that is not base64 (binary blocks are not decoded at validation, rules.md part 3.7)); /…/j/url or /…/j/uri (the server-only field that replaces `data` when it holds a string, read the same way: a warning that says the server would reject the value, rules.md 1.4)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.image.size_limit",
        severity: "warning",
        why: "Decoded image/audio must be ≤ `chat.maximum_blob_size` (default 26 214 400 bytes = 25 MiB, `PGPT_MAXIMUM_BLOB_SIZE`). Only the default is knowable offline. *(no corpus case: payload too large)* — the server rejects the request with HTTP 400 while mapping it (\"Image size N exceeds maximum allowed size of M bytes.\"). Source: `private_gpt/chat/input_models.py:903`, `settings.yaml:89`.",
        fix: "Send a smaller file (at most 25 MiB decoded by default), or a URL.",
        points_at: "/…/j/data (decoded size > 25 mib (26 214 400 bytes))",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.audio.mime_type_required",
        severity: "warning",
        why: "Audio flat shape needs `mime_type` (workspace.json: optional). — the server rejects the body with HTTP 400 (request validation) (\"audio.source: Field required\"). Source: `private_gpt/events/models/_content_blocks.py:175`.",
        fix: "Add `\"mime_type\"`, e.g. `\"audio/wav\"`.",
        points_at: "/…/j/mime_type (audio with `data` but no `mime_type`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "block.binary.mime_type_required",
        severity: "error",
        why: "Binary needs `data` + `mime_type` (or `url`/`source`). — the server rejects the body with HTTP 400 (request validation) (\"binary.source: Field required\"). Source: `private_gpt/events/models/_content_blocks.py:194`, `api-reference/workspace.json:5964`.",
        fix: "Add both `data` and `mime_type`.",
        points_at: "/…/j/data (binary without data); /…/j/mime_type (binary without `mime_type`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "block.binary.filename_optional",
        severity: "error",
        why: "`filename` optional string. — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/events/models/_content_blocks.py:587`.",
        fix: "Make `filename` a string or leave it out.",
        points_at: "/…/j/filename (binary `filename` not a string)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.file.unsupported",
        severity: "warning",
        why: "The Workspace `file` block (`content`, `content_type`, `doc_metadata`) has **no counterpart** in pgpt and is rejected by the tag check. **[koala?]** The Workspace backend may translate it (e.g. into `document`/`binary`); not visible. — the server rejects the body with HTTP 400 (request validation) (\"Input tag 'file' ... does not match\"). Source: `api-reference/workspace.json:6050`, `private_gpt/events/models/_tool_result_blocks.py:247`. This depends on the Workspace backend, which is not public (**[koala?]**).",
        fix: "Send the document as a `binary` block (`data` + `mime_type`) or as a `file` artifact in `tool_context`.",
        points_at: "/…/j (any `file` block)",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
    CodeDoc {
        code: "block.media.mime_mismatch",
        severity: "warning",
        why: "The server trusts the declared type; a wrong one makes the model misread the file.",
        fix: "Declare the type the bytes really have (the hint names it).",
        points_at: "/…/j/mime_type (sniffed bytes (png, jpeg, gif, webp, pdf, wav, mp3, ogg, flac, zip…) disagree with the declared type)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
    CodeDoc {
        code: "block.media.mime_type_syntax",
        severity: "warning",
        why: "An invalid media type is relabelled or rejected downstream.",
        fix: "Use a `type/subtype` media type such as `image/png`.",
        points_at: "/…/j/mime_type (`mime_type` not `type/subtype` syntax)",
        implemented_in: &["crates/zylon-schema/src/check/rules/media.rs"],
    },
];

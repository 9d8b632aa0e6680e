//! RULES.md §6: image, audio and binary blocks — the three spellings of the payload, strict
//! base64 (checked without decoding), `data:` URIs, URLs, media types and magic-byte sniffing.

use crate::check::fields::Field;
use crate::check::json::{Object, Value};

use super::{not_type, short, str_field, type_name, Code, Ctx};
use crate::check::Severity;
use crate::media::{self, DataForm};

/// The server's default `chat.maximum_blob_size` (25 MiB).
pub(super) const MAX_BLOB_BYTES: usize = 26_214_400;

/// Image media types the server keeps; others become `image/png` (flat shape) or are rejected (`source` shape).
pub(super) const IMAGE_TYPES: &[&str] = &["image/jpeg", "image/png", "image/gif", "image/webp"];

/// Check an `image`, `audio` or `binary` block.
///
/// `read`: whether the server reads the payload (not for a system message's blocks, which it
/// drops first); the shape is checked either way.
pub(super) fn check<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, ty: &str, read: bool) {
    // What the server reads (`_upgrade_legacy_source_payload`): a `source` key wins over
    // everything; else it takes out `url`, and `uri` when `url` is falsy (`pop("url") or
    // pop("uri")`), and a string it took (even an empty one) replaces `data` and `mime_type`;
    // else `data`.
    let has_source = obj.contains_key("source");
    let picked_key = if obj.get("url").is_some_and(|v| super::truthy(&v)) {
        "url"
    } else {
        "uri"
    };
    let picked = obj.get(picked_key);
    let url_string = picked.is_some_and(|v| v.is_string());
    let url_wins = url_string && !has_source;
    let replaced = url_wins || has_source;
    let (data, mime) = if replaced {
        // replaced before the server reads them: whatever they hold is fine
        for key in ["data", "mime_type"] {
            if obj.contains_key(key) {
                ctx.settle(key);
            }
        }
        (None, None)
    } else {
        (
            str_field(ctx, Field::of(obj, "data"), Code::FieldType),
            str_field(ctx, Field::of(obj, "mime_type"), Code::FieldType),
        )
    };
    if ty == "binary" {
        str_field(
            ctx,
            Field::of(obj, "filename"),
            Code::BlockBinaryFilenameOptional,
        );
    }
    if let Some(Value::String(u)) = picked.filter(|_| url_wins) {
        if read {
            // The server reads it as it reads `data` (a URL with a host is downloaded; else
            // strict base64 or a `data:` URI; else a local path, which fails). A server-only
            // field: what it would reject is a warning that says so (RULES.md 1.4).
            ctx.as_warnings(true, |ctx| {
                ctx.key(picked_key, |ctx| payload(ctx, u, ty, picked_key));
            });
        } else if let Some(scheme) = media::url_scheme(u) {
            ctx.key(picked_key, |ctx| fetched_url(ctx, scheme, ty));
        }
    }
    // (A taken value that is not a string is dropped and `data` read: the table's warning for
    // this server-only field, that the server may not see it, says all it needs. A `source`,
    // `null` included, is reported where it is: the backend may drop it.)
    let has_alt = url_string || obj.get("source").is_some_and(|v| !v.is_null());
    if let Some(src) = obj.get("source").filter(|v| !v.is_null()) {
        ctx.key("source", |ctx| source_shape(ctx, &src, ty, read));
    }
    let data_present = !replaced && obj.get("data").is_some_and(|v| !v.is_null());
    if !data_present && !has_alt {
        let (code, msg) = match ty {
            "binary" => (
                Code::BlockBinaryMimeTypeRequired,
                "a binary block needs `data` (base64, a `data:` URI or a URL) and `mime_type`",
            ),
            "audio" => (
                Code::BlockImageDataRequired,
                "an audio block needs `data` (base64, a `data:` URI or a URL)",
            ),
            _ => (
                Code::BlockImageDataRequired,
                "an image block needs `data` (base64, a `data:` URI or a URL)",
            ),
        };
        ctx.at_key(Severity::Error, code, "data", msg, None);
    }
    super::nulls::warn_server_only(ctx, Field::of(obj, "source"), Code::FieldServerOnly);
    let mut sniffed = None;
    if let Some(d) = data.filter(|_| read) {
        sniffed = ctx.key("data", |ctx| payload(ctx, d, ty, "data"));
    }
    match (mime, obj.get("mime_type")) {
        (Some(m), _) => ctx.key("mime_type", |ctx| mime_type(ctx, m, ty, sniffed)),
        (None, None | Some(Value::Null)) if data_present => {
            let hint =
                sniffed.map(|s| format!("add `\"mime_type\": \"{s}\"` (detected from the data)"));
            match ty {
                "binary" => ctx.at_key(Severity::Error, Code::BlockBinaryMimeTypeRequired, "mime_type", "a binary block needs `mime_type`", hint),
                "audio" => ctx.at_key(
                    Severity::Warning,
                    Code::BlockAudioMimeTypeRequired,
                    "mime_type",
                    "the chat server needs `mime_type` on audio with `data` (the Workspace spec makes it optional); without it the request fails unless the backend fills it in",
                    hint,
                ),
                _ => ctx.at_key(
                    Severity::Warning,
                    Code::BlockImageMimeTypeRequired,
                    "mime_type",
                    "the chat server needs `mime_type` on images with `data` (the Workspace spec makes it optional); without it the request fails unless the backend fills it in",
                    hint,
                ),
            }
        }
        _ => {}
    }
}

/// Check a `data` string (or the `url` the server reads in its place: `key` names the field in
/// messages); returns the sniffed media type of base64 payloads.
///
/// The server reads image and audio `data` while it converts the messages
/// (`uri_loader.load_file_from_uri`): a `scheme://` URL is downloaded, a `data:` URI is decoded
/// leniently after its first comma (whatever its `;base64` marker says), anything else must be
/// strict base64 once surrounding whitespace is stripped (an empty string is zero bytes), or it
/// is read as a local file path and fails. `binary` data is not read at validation time
/// (RULES.md Part 3.7), so there every problem is a warning.
fn payload(ctx: &mut Ctx<'_>, d: &str, ty: &str, key: &str) -> Option<&'static str> {
    let sev = if ty == "binary" {
        Severity::Warning
    } else {
        Severity::Error
    };
    let later = if ty == "binary" {
        "; binary data is not decoded when the request is validated, so it fails later, when the document is read"
    } else {
        ""
    };
    match media::classify(d) {
        // `s3://...` is fetched from S3; another URL needs a host, or the server reads it as a
        // local file path and fails (`file:///x`, `https:///x`).
        DataForm::Url { scheme } if !d.starts_with("s3://") && !media::server_downloads(d) => {
            let p = ctx.here();
            ctx.push(
                sev,
                Code::BlockImageUrlFetched,
                p,
                format!("the `{}://` URL has no host the server's URL parser takes (none, or brackets around something other than an IPv6 address): the server does not download it but reads it as a local file path, which fails{later}", short(scheme)),
                Some("use an https:// URL with a host, base64 data or a `data:` URI".into()),
            );
            None
        }
        DataForm::Url { scheme } => {
            fetched_url(ctx, scheme, ty);
            None
        }
        // A URL after leading spaces or control characters, or with tabs or line breaks in it,
        // is still downloaded (urlparse drops them).
        DataForm::Base64(b) if media::server_downloads(b) => {
            ctx.warn_hint(
                Code::BlockImageUrlFetched,
                format!("`{key}` is a URL once the leading whitespace and the tabs and line breaks the server's URL parser drops are removed: the server downloads it while reading the request"),
                "remove the whitespace",
            );
            None
        }
        DataForm::DataUri { payload, .. } => {
            let Some(p) = payload else {
                let p = ctx.here();
                ctx.push(
                    sev,
                    Code::BlockImageDataUri,
                    p,
                    format!("the `data:` URI has no `,` before its payload{later}"),
                    Some("use `data:<mime>;base64,<payload>`".into()),
                );
                return None;
            };
            match media::py_b64decode_lenient(p) {
                Ok(0) => {
                    empty(ctx, ty, key);
                    None
                }
                Ok(n) => {
                    size(ctx, n);
                    media::sniff(&media::decode_prefix(p, 16))
                }
                Err(e) => {
                    let at = ctx.here();
                    ctx.push(
                        sev,
                        Code::BlockImageDataUri,
                        at,
                        format!("the payload of the `data:` URI is not valid base64: {e}{later}"),
                        None,
                    );
                    None
                }
            }
        }
        DataForm::Base64(b) => {
            let stripped = media::py_strip(b);
            if stripped.is_empty() {
                empty(ctx, ty, key);
                return None;
            }
            match media::py_b64decode_strict(stripped) {
                Ok((n, standard)) => {
                    // (both in one issue: one issue per code and path)
                    let spaced = stripped.len() != b.len();
                    let said = match (spaced, standard) {
                        (false, true) => None,
                        (true, true) => Some((
                            "has whitespace around the base64 payload, which the server strips",
                            "send the base64 payload without leading or trailing whitespace",
                        )),
                        (false, false) => Some((
                            "has `=` padding after a whole group, which the server's decoder skips but other base64 decoders reject",
                            "send standard base64: `=` only to pad the last group",
                        )),
                        (true, false) => Some((
                            "has whitespace around the base64 payload, which the server strips, and `=` padding after a whole group, which the server's decoder skips but other base64 decoders reject",
                            "send standard base64 without leading or trailing whitespace, `=` only to pad the last group",
                        )),
                    };
                    if let Some((message, hint)) = said {
                        ctx.warn_hint(
                            Code::BlockImageBase64Decodable,
                            format!("`{key}` {message}"),
                            hint,
                        );
                    }
                    size(ctx, n);
                    media::sniff(&media::decode_prefix(stripped, 16))
                }
                Err(e) => {
                    let what = if ty == "image" { "image" } else { ty };
                    let at = ctx.here();
                    ctx.push(
                        sev,
                        Code::BlockImageBase64Decodable,
                        at,
                        format!("{what} `{key}` is neither strict base64 nor a `data:` URI nor a URL ({e}); the server would read it as a file path and fail{later}"),
                        Some("send standard base64 with `=` padding and no line breaks, a `data:<mime>;base64,...` URI, or an https:// URL".into()),
                    );
                    None
                }
            }
        }
    }
}

/// `data` that decodes to nothing: accepted, but the model gets an empty payload.
fn empty(ctx: &mut Ctx<'_>, ty: &str, key: &str) {
    ctx.warn_hint(
        Code::BlockImageBase64Decodable,
        format!("the {ty} `{key}` is empty: the server accepts it as zero bytes, so the model gets no {ty}"),
        "send the base64 payload, or remove the block",
    );
}

fn size(ctx: &mut Ctx<'_>, decoded: usize) {
    if decoded > MAX_BLOB_BYTES {
        ctx.warn(
            Code::BlockImageSizeLimit,
            format!("the decoded payload is {decoded} bytes, above the server's default limit of {MAX_BLOB_BYTES} bytes (25 MiB)"),
        );
    }
}

fn fetched_url(ctx: &mut Ctx<'_>, scheme: &str, ty: &str) {
    let s = scheme.to_ascii_lowercase();
    if !matches!(s.as_ref(), "http" | "https" | "s3") {
        ctx.warn(
            Code::BlockImageUrlFetched,
            format!("the server downloads {ty} URLs while reading the request; a `{}://` URL is unlikely to be reachable from it and would fail the request", short(scheme)),
        );
    }
}

fn mime_type(ctx: &mut Ctx<'_>, m: &str, ty: &str, sniffed: Option<&'static str>) {
    let Some(essence) = media::mime_essence(m) else {
        ctx.warn_hint(
            Code::BlockMediaMimeTypeSyntax,
            format!(
                "`mime_type` `{}` is not a media type of the form `type/subtype`",
                short(m)
            ),
            sniffed.map_or_else(
                || "e.g. `image/png`".to_string(),
                |s| format!("the data looks like `{s}`"),
            ),
        );
        return;
    };
    if ty == "image" && !IMAGE_TYPES.contains(&essence.as_str()) {
        ctx.warn_hint(
            Code::BlockImageMimeTypeCoerced,
            format!("image type `{}` is not one of image/jpeg, image/png, image/gif, image/webp; the server silently relabels it as image/png", short(m)),
            "convert the image to PNG, JPEG, GIF or WebP",
        );
    }
    if let Some(s) = sniffed {
        if !media::compatible(&essence, s) {
            ctx.warn_hint(
                Code::BlockMediaMimeMismatch,
                format!(
                    "`mime_type` says `{}` but the data looks like `{s}`",
                    short(m)
                ),
                format!("use `\"mime_type\": \"{s}\"`"),
            );
        }
    }
}

/// The Anthropic-style `source` object (server-only).
fn source_shape<'a>(ctx: &mut Ctx<'a>, src: &Value<'a>, ty: &str, read: bool) {
    let Some(o) = src.as_object() else {
        ctx.error(Code::FieldType, not_type("`source` must be an object", src));
        return;
    };
    match o.get("type").and_then(Value::as_str) {
        Some("base64") => {
            if let Some(d) = str_field(ctx, Field::of(&o, "data"), Code::FieldType) {
                // read by the same loader as a flat `data` (`load_file_from_uri`)
                if read {
                    ctx.key("data", |ctx| payload(ctx, d, ty, "data"));
                }
            } else if !o.contains_key("data") {
                ctx.at_key(
                    Severity::Error,
                    Code::FieldRequired,
                    "data",
                    "a base64 `source` needs `data`",
                    None,
                );
            }
            let mt = o.get("media_type");
            if ty == "image"
                && !mt
                    .and_then(Value::as_str)
                    .is_some_and(|m| IMAGE_TYPES.contains(&m))
            {
                let got = mt.map_or_else(
                    || "missing".to_string(),
                    |v| {
                        v.as_str().map_or_else(
                            || type_name(&v).to_string(),
                            |s| format!("`{}`", short(s)),
                        )
                    },
                );
                ctx.at_key(
                    Severity::Error,
                    Code::BlockImageMediaTypeEnum,
                    "media_type",
                    format!("`source.media_type` must be image/jpeg, image/png, image/gif or image/webp ({got})"),
                    None,
                );
            }
        }
        Some("url") => {
            if str_field(ctx, Field::of(&o, "url"), Code::FieldType).is_none() {
                ctx.at_key(
                    Severity::Error,
                    Code::FieldRequired,
                    "url",
                    "a url `source` needs `url`",
                    None,
                );
            }
        }
        _ => ctx.at_key(
            Severity::Error,
            Code::FieldEnum,
            "type",
            "`source.type` must be `base64` or `url`",
            None,
        ),
    }
}

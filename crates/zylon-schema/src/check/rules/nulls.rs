//! RULES.md Part 3.1: an explicit `null` is not an absent field. The server's models declare
//! most optional fields with a default but without `None` in their type, so `"thinking": null`
//! is rejected ("Input should be a valid dictionary") where leaving `thinking` out is fine. Each
//! object's list of such fields comes from the server models and was checked field by field
//! with the server's own request path (`scripts/oracle_diff.py --null-sweep`).

use crate::check::fields::Field;
use crate::check::json::Object;

use super::{Code, Ctx};
use crate::check::Severity;

/// Report every field of `fields` that `obj` holds as an explicit `null`: an error
/// (`field.null`), since the server rejects the body.
pub(super) fn reject<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, fields: &[&'a str]) {
    for &key in fields {
        if obj.get(key).is_some_and(|v| v.is_null()) {
            ctx.reject_null(key);
        }
    }
}

/// Like [`reject`] for a server-only field (RULES.md 1.4): a warning with the field's own code,
/// whose message says that the server would reject the `null`. It takes the place of the table's
/// warning for the field when that has the same code (one issue per code and path).
pub(super) fn warn_server_only<'a>(ctx: &mut Ctx<'a>, field: Field<'a>, code: Code) {
    let key = field.name;
    if field.value.is_some_and(|v| v.is_null()) {
        let p = ctx.here_key(key);
        let message = format!("`{key}` is server-only (the Workspace API does not list it, so the backend may drop it); the server would reject its `null`");
        let hint = Some(format!("remove `{key}`"));
        // The table's warning, if any, is among the last issues, those of this object: the
        // search stops at the first other one (a search of every issue made a body of 80,000
        // `system` items with a `null` `blob_visibility` take 47 s). Errors too: the table's
        // warning is an error in strict mode.
        let object = &p[..zylon_json::find_last(&p, "/").unwrap_or(0)];
        for issues in [&mut ctx.warnings, &mut ctx.errors] {
            for i in issues.iter_mut().rev() {
                if !i.path.starts_with(object) {
                    break;
                }
                if i.code == code && i.path == p {
                    (i.message, i.hint) = (message, hint);
                    return;
                }
            }
        }
        ctx.push(Severity::Warning, code, p, message, hint);
    }
}

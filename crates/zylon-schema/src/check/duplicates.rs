//! Repeated keys: JSON allows them, the server keeps the last value (a warning).

use super::code::Code;
use super::ctx::{self, Ctx};
use super::json;

/// Report every repeated key (the server keeps the last value).
pub(super) fn duplicate_keys<'a>(ctx: &mut Ctx<'a>, v: json::Value<'a>) {
    match v {
        json::Value::Array(items) => {
            for (i, it) in items.iter().enumerate() {
                ctx.idx(i, |ctx| duplicate_keys(ctx, it));
            }
        }
        json::Value::Object(o) => {
            let mut seen = zylon_json::StrMap::new();
            for (k, child) in o.entries() {
                if o.has_duplicates() && seen.insert_new(k, 0).is_err() {
                    ctx.key(k, |ctx| {
                        ctx.warn_hint(
                            Code::JsonDuplicateKey,
                            format!("the key `{}` appears more than once; the server keeps only the last value", ctx::short(k)),
                            "remove the earlier occurrence",
                        )
                    });
                }
                ctx.key(k, |ctx| duplicate_keys(ctx, child));
            }
        }
        _ => {}
    }
}

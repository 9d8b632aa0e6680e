//! RULES.md §3 sampling parameters: integer fields, ranges and the server's silent coercions.

use crate::check::fields::Fields;
use crate::check::json::Value;

use super::{lax_float, lax_int, not_type_of, type_name, Code, Ctx, Lax};
use crate::vocab::{self, bits};

pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>) {
    let names = vocab::names::CHAT_REQUEST;
    for &i in req.order() {
        let i = usize::from(i);
        let Some(v) = req.nth(i).filter(|v| !v.is_null()) else {
            continue;
        };
        // the request's number fields, by their type in the model: whole numbers (`100.0` is
        // fine) or any number
        let (Some(&key), Some(&t)) = (names.known.get(i), names.types.get(i)) else {
            continue;
        };
        let t = t & bits::ANY;
        let value = if t == bits::INTEGER {
            read(
                ctx,
                key,
                &v,
                lax_int(&v),
                Code::SamplingIntegerFields,
                "a whole number",
            )
        } else if t == bits::NUMBER | bits::INTEGER {
            read(ctx, key, &v, lax_float(&v), Code::FieldType, "a number")
        } else {
            continue;
        };
        let Some(x) = value else { continue };
        ctx.key(key, |ctx| range(ctx, key, x));
    }
}

fn read<'a>(
    ctx: &mut Ctx<'a>,
    key: &'a str,
    v: &Value,
    lax: Lax<f64>,
    code: Code,
    what: &str,
) -> Option<f64> {
    match lax {
        Lax::Exact(x) => Some(x),
        Lax::Coerced(x) => {
            let xs = crate::check::num(x);
            ctx.key(key, |ctx| {
                ctx.warn_hint(
                    Code::FieldCoerced,
                    format!(
                        "`{key}` should be {what}; the server converts {} to {xs}",
                        type_name(&*v)
                    ),
                    format!("write `{key}` as a JSON number"),
                )
            });
            Some(x)
        }
        Lax::Invalid => {
            ctx.key(key, |ctx| {
                let msg = match v {
                    Value::Number(n) if n.int => format!("`{key}` must be {what}; an integer this large does not fit a float, and the server rejects it"),
                    Value::Number(_) => format!("`{key}` must be {what}; the server rejects a number with a fractional part"),
                    _ => not_type_of(&["`", key, "` must be ", what], &*v),
                };
                ctx.error(code, msg)
            });
            None
        }
    }
}

fn range(ctx: &mut Ctx<'_>, key: &str, x: f64) {
    // Rendered only for a message (most values are in range).
    let xs = || crate::check::num(x);
    match key {
        "temperature" if !(0.0..=1.0).contains(&x) => ctx.error_hint(
            Code::SamplingTemperatureRange,
            format!("`temperature` must be between 0 and 1 inclusive, not {}", xs()),
            "the server's scale is 0–1, not the 0–2 of some other APIs",
        ),
        "top_p" if !(0.0..=1.0).contains(&x) => {
            ctx.error(Code::SamplingTopPRange, format!("`top_p` must be between 0 and 1 inclusive, not {}", xs()))
        }
        "top_k" if x < 0.0 => ctx.error(Code::SamplingTopKMin, format!("`top_k` must be ≥ 0, not {}", xs())),
        "min_p" if x < 0.0 => ctx.warn(
            Code::SamplingMinPNegativeCoerced,
            format!("a negative `min_p` ({}) is silently dropped by the server (treated as unset)", xs()),
        ),
        "repetition_penalty" | "presence_penalty" | "frequency_penalty" if x < 0.0 => ctx.warn(
            Code::SamplingPenaltyNegativeCoerced,
            format!("a negative `{key}` ({}) is silently dropped by the server (treated as unset)", xs()),
        ),
        "seed" if x < 0.0 => ctx.warn(
            Code::SamplingSeedNegativeCoerced,
            format!("a negative `seed` ({}) is silently dropped by the server (the output is not reproducible)", xs()),
        ),
        "max_tokens" if x <= 0.0 => ctx.warn_hint(
            Code::SamplingMaxTokensNonpositiveCoerced,
            format!("`max_tokens` ≤ 0 ({}) is silently replaced by the server default", xs()),
            "use a positive number, or leave `max_tokens` out for the default",
        ),
        _ => {}
    }
}

//! The rule modules, one per area of `RULES.md` Part 2.

use serde_json::Value;

use super::ctx::Ctx;
use super::{Kind, Options, Summary};

/// Run every rule for `kind` over `value`, returning the request summary.
pub(crate) fn run<'a>(_ctx: &mut Ctx<'a>, _value: &'a Value, _kind: Kind, _options: &Options) -> Summary {
    Summary::default()
}

//! The walk context: the current JSON Pointer (built lazily, only when an issue is reported),
//! the collected issues, and small typed-access helpers shared by every rule module.

use crate::check::json::{Object, Value};

use super::code::Code;
use super::fields::Fields;
use super::path_set::{PathSet, Settled};
use super::report::{Issue, Severity, Suggestion};
use super::spare::{self, spare};
use crate::vocab::Names;
pub(crate) use zylon_json::push_decimal;

/// One step of a JSON Pointer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Idx(usize),
}

/// Walk state. Paths are kept as borrowed segments and rendered only for reported issues.
pub(crate) struct Ctx<'a> {
    path: Vec<Seg<'a>>,
    pub(crate) errors: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
    /// Issues of the table-driven field check, reported at the end only where no rule has
    /// reported at the field or inside it (see [`Ctx::unknown_fields_with`]).
    pending: Vec<Issue>,
    /// The suggestion the next reported issue carries (see [`Ctx::suggest`]).
    next_suggestion: Option<Suggestion>,
    /// Paths a rule has decided (a field the server never reads here): the table-driven check
    /// reports nothing at or inside them.
    settled: Settled,
    strict: bool,
    /// Whether errors are reported as warnings (see [`Ctx::as_warnings`]).
    soft: bool,
    /// Whether the rules count the characters of texts (only a profile token limit needs them).
    count_text: bool,
    /// The deepest nesting in the whole body when the parser measured it (no value in it nests
    /// deeper), else `usize::MAX`.
    pub(crate) doc_depth: usize,
    /// Whether only the verdict is wanted (`is_valid_*`): the rules may stop at their next
    /// check of [`Ctx::decided`] once an error is final.
    verdict_only: bool,
    /// How many [`Ctx::probe`]s are running (the errors they report are dropped).
    probing: u32,
    /// Whether only the verdict is wanted and an error was reported outside every probe: no
    /// rule removes one, so the body is rejected whatever the rules find next (one flag, read
    /// by the rules' loops).
    decided: bool,
}

spare!(PATHS: Seg<'static>);

#[cfg(not(target_arch = "wasm32"))]
impl Drop for Ctx<'_> {
    /// The path's vector goes back for the thread's next body (see `spare`).
    fn drop(&mut self) {
        spare::keep(&PATHS, std::mem::take(&mut self.path));
    }
}

/// Render a JSON Pointer (RFC 6901) from segments.
pub(crate) fn pointer(segs: &[Seg<'_>]) -> String {
    let mut out = String::with_capacity(16 * segs.len());
    for s in segs {
        match s {
            Seg::Key(k) => push_key(&mut out, k),
            Seg::Idx(i) => {
                out.push('/');
                push_decimal(&mut out, *i)
            }
        }
    }
    out
}

/// Append `/key` to a JSON Pointer, with `~` and `/` escaped (`~0`, `~1`). The runs between
/// them are copied whole (a character at a time, the path was a quarter of the cost of an issue).
fn push_key(out: &mut String, key: &str) {
    out.push('/');
    let mut rest = key;
    while let Some(at) = rest.bytes().position(|b| b == b'~' || b == b'/') {
        let (run, tail) = rest.split_at(at);
        out.push_str(run);
        out.push_str(if tail.starts_with('~') { "~0" } else { "~1" });
        rest = tail.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(options: &super::Options) -> Self {
        Ctx {
            path: {
                let mut path = spare::take(&PATHS);
                path.reserve(16);
                path
            },
            errors: Vec::new(),
            warnings: Vec::new(),
            pending: Vec::new(),
            next_suggestion: None,
            settled: Settled::default(),
            strict: options.strict,
            soft: false,
            count_text: options
                .profile
                .as_ref()
                .is_some_and(|p| p.max_input_tokens.is_some()),
            doc_depth: usize::MAX,
            verdict_only: false,
            probing: 0,
            decided: false,
        }
    }

    /// A context for the verdict alone (see [`Ctx::decided`]).
    pub(crate) fn verdict_only(options: &super::Options) -> Self {
        let mut ctx = Ctx::new(options);
        ctx.verdict_only = true;
        ctx
    }

    /// Whether the rules may stop: only the verdict is wanted, and it is known (an error was
    /// reported that no probe drops, and no rule removes an error once reported). The rules
    /// ask between areas and between messages, not inside a probe's walk; what they would
    /// report next cannot make the body valid again.
    #[inline(always)]
    pub(crate) fn decided(&self) -> bool {
        self.decided
    }

    /// Whether the rules count the characters of texts ([`Ctx::chars`] is 0 otherwise): when
    /// they do not, a text they only type-check is not read (an escaped one stays escaped).
    pub(crate) fn counts_text(&self) -> bool {
        self.count_text
    }

    /// The number of characters of a text, for the token estimate of a profile; 0 when no
    /// option needs it (counting every text was 1.4% of a small body in wasm).
    pub(crate) fn chars(&self, s: &str) -> usize {
        if self.count_text {
            zylon_scan::count_chars(s)
        } else {
            0
        }
    }

    /// Run `f` with `key` appended to the current path.
    pub(crate) fn key<R>(&mut self, key: &'a str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Seg::Key(key));
        let r = f(self);
        self.path.pop();
        r
    }

    /// Run `f` with array index `i` appended to the current path.
    pub(crate) fn idx<R>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(Seg::Idx(i));
        let r = f(self);
        self.path.pop();
        r
    }

    /// The current path as segments (for a pointer rendered later, only if needed).
    pub(crate) fn segments(&self) -> &[Seg<'a>] {
        &self.path
    }

    /// The current path as a JSON Pointer.
    pub(crate) fn here(&self) -> String {
        pointer(&self.path)
    }

    /// The current path extended by `key`.
    pub(crate) fn here_key(&self, key: &str) -> String {
        let mut p = self.here();
        push_key(&mut p, key);
        p
    }

    // Reporting is the rare path. Natively, every function that records an issue is `cold`, so
    // LLVM places the code that builds messages after the rules' checks instead of among them.
    // The rules of one valid 2 KB body run about 55 KB of distinct code, more than the 32 KB
    // level-1 instruction cache (callgrind `--cache-sim=yes`: 773 simulated misses per small
    // body before, 722 after; many-small −5.8%; time −3.5 to −4.5%, medians of 101 interleaved
    // runs). Not in WebAssembly, where it made the validate-only module 541 bytes gzip larger.

    /// Record an issue at an explicit path.
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn push(
        &mut self,
        sev: Severity,
        code: Code,
        path: String,
        mut message: String,
        hint: Option<String>,
    ) {
        let sev = self.severity(sev, &mut message);
        let issue = Issue {
            severity: sev,
            code,
            path,
            message,
            hint,
            docs: code.docs_path(),
            span: None,
            suggestion: self.next_suggestion.take(),
        };
        match sev {
            Severity::Error => {
                self.decided |= self.verdict_only && self.probing == 0;
                self.errors.push(issue)
            }
            Severity::Warning => self.warnings.push(issue),
        }
    }

    /// An error at the current path.
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn error(&mut self, code: Code, message: impl Into<String>) {
        let p = self.here();
        self.push(Severity::Error, code, p, message.into(), None);
    }

    /// An error with a hint at the current path.
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn error_hint(
        &mut self,
        code: Code,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let p = self.here();
        self.push(Severity::Error, code, p, message.into(), Some(hint.into()));
    }

    /// A warning at the current path.
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn warn(&mut self, code: Code, message: impl Into<String>) {
        let p = self.here();
        self.push(Severity::Warning, code, p, message.into(), None);
    }

    /// A warning with a hint at the current path.
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn warn_hint(
        &mut self,
        code: Code,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let p = self.here();
        self.push(
            Severity::Warning,
            code,
            p,
            message.into(),
            Some(hint.into()),
        );
    }

    /// An issue of severity `sev` at the field `key` of the object at the current path (the
    /// field missing, or its value: one place for both, with the severity the rule decides).
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn at_key(
        &mut self,
        sev: Severity,
        code: Code,
        key: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let p = self.here_key(key);
        self.push(sev, code, p, message.into(), hint);
    }

    /// Report every key of `obj` that is not in `known` as an unknown field (warning), with a
    /// did-you-mean hint. Keys listed in `server_only` get a `field.server_only` warning instead.
    #[cfg_attr(
        all(not(target_arch = "wasm32"), not(debug_assertions)),
        inline(always)
    )]
    pub(crate) fn unknown_fields(
        &mut self,
        obj: &Object<'a>,
        names: Names,
        what: &str,
    ) -> Fields<'a> {
        self.unknown_fields_with(obj, names, what, Code::FieldUnknown)
    }

    /// Like [`Ctx::unknown_fields`] with a specific code for unknown keys.
    #[cfg_attr(
        all(not(target_arch = "wasm32"), not(debug_assertions)),
        inline(always)
    )]
    pub(crate) fn unknown_fields_with(
        &mut self,
        obj: &Object<'a>,
        names: Names,
        what: &str,
        code: Code,
    ) -> Fields<'a> {
        // The pass over every entry runs in `zylon_json` (opt-level 3 in the wasm build); only
        // the entries it flags (an unknown key, a value of none of the field's types) are
        // looked at here, out of line. Inlined in native release builds, so that the fields
        // (about 200 bytes) are built where the caller keeps them: returned from a call, they
        // were copied once more (`memcpy`) for every object. Not in WebAssembly (a copy per call
        // site costs more module than the copies cost time), nor in debug builds (the inlined
        // fields enlarge the frames of the recursive block rules past a test thread's stack at
        // the server's deepest bodies).
        let fields = Fields::of(obj, &names);
        if !fields.flagged().is_empty() {
            self.flagged_fields(obj, &fields, &names, what, code);
        }
        fields
    }

    /// The warning (RULES.md 1.4; `code`: `field.server_only` or the field's own) on the field
    /// `key` of `what` (`a tool`), which the server understands and the Workspace API does not
    /// list; `problem`: why the server would reject its value, when it would. One wording for
    /// every server-only field.
    pub(crate) fn server_only(
        &mut self,
        key: &'a str,
        what: &str,
        code: Code,
        problem: Option<&str>,
    ) {
        let mut message = format!("`{key}` is understood by the server but the Workspace API does not list it in {what}; the Workspace backend may drop it");
        if let Some(p) = problem {
            message.push_str(", and the server would reject this value: ");
            message.push_str(p);
        }
        self.key(key, |c| c.warn(code, message));
    }

    /// Report what the table pass flagged in `obj` (see [`Ctx::unknown_fields_with`]).
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    #[inline(never)]
    fn flagged_fields(
        &mut self,
        obj: &Object<'a>,
        fields: &Fields<'a>,
        names: &Names,
        what: &str,
        code: Code,
    ) {
        for &(slot, place) in fields.flagged() {
            let (k, v) = obj.entry_at(slot);
            if let Some(i) = place {
                if let Some(&t) = names.types.get(i) {
                    if v.is_null() && t & (Names::NULLABLE | Names::REQUIRED) == 0 {
                        // an optional field whose model has a default but no `None`
                        self.reject_null(k);
                    } else {
                        self.field_type(k, &v, t);
                    }
                }
                continue;
            }
            if zylon_json::is_one_of(k, names.free) {
                // A camelCase alias (`toolChoice`): next to its field, pydantic's
                // `AliasChoices` takes the field and never reads the alias; alone, the alias is
                // read as the field, and `fix` writes the name the Workspace API lists.
                let alias = crate::vocab::ALIASES.iter().find(|(alias, _)| *alias == k);
                match alias {
                    Some((_, field)) if obj.contains_key(field) => self.key(k, |c| {
                        c.warn(
                            Code::FieldServerOnly,
                            format!("the server ignores `{k}` here: it is an alias of `{field}`, which is also present and is read instead"),
                        )
                    }),
                    _ => {
                        if let Some((_, field)) = alias {
                            self.suggest(Suggestion::rename_key((*field).to_string()));
                        }
                        self.server_only(k, what, Code::FieldServerOnly, None);
                    }
                }
                continue;
            }
            let guess = did_you_mean(k, names.known);
            if let Some(s) = guess.filter(|s| same_key(k, s)) {
                self.suggest(Suggestion::rename_key(s.to_string()));
            }
            let hint = guess.map(|s| format!("did you mean `{s}`?"));
            self.key(k, |c| {
                let p = c.here();
                c.push(
                    Severity::Warning,
                    code,
                    p,
                    format!(
                        "unknown field `{}` in {what}; the server ignores it",
                        short(k)
                    ),
                    hint,
                )
            });
        }
    }
}

impl Ctx<'_> {
    /// The table-driven check of one Workspace field against the JSON types the model gives it
    /// (`t`: a [`Names::types`] byte), read leniently as the server reads it: a value of another
    /// type is an error (`field.type`), a `null` the model does not allow an error
    /// (`field.null`), a value the server coerces a warning (`field.coerced`). Deferred: kept
    /// only where no rule reports at the field or inside it, so the rules' own codes and words
    /// come first and this covers the fields no rule reads (a newly modelled one).
    #[cold]
    #[inline(never)]
    fn field_type(&mut self, key: &str, v: &Value<'_>, t: u8) {
        let fit = field_fit(v, t);
        let (sev, code, mut message) = match fit {
            Fit::Ok => return,
            Fit::Null => (
                Severity::Error,
                Code::FieldNull,
                format!("`{key}` is `null`, which the server rejects: `null` is not the same as leaving the field out"),
            ),
            Fit::Coerced => (
                Severity::Warning,
                Code::FieldCoerced,
                format!("`{key}` should be {}; the server converts {}", want(t), type_name(v)),
            ),
            Fit::Invalid => (
                Severity::Error,
                Code::FieldType,
                not_type_of(&["`", key, "` must be ", &want(t)], v),
            ),
        };
        let path = self.here_key(key);
        let sev = self.severity(sev, &mut message);
        self.pending.push(Issue {
            severity: sev,
            code,
            path,
            message,
            hint: None,
            docs: code.docs_path(),
            span: None,
            suggestion: None,
        });
    }

    /// An explicit `null` for the field `key` of the current object, which the server rejects
    /// (RULES.md Part 3.1): an error, unless a rule settled the field (it is never read).
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn reject_null(&mut self, key: &str) {
        let p = self.here_key(key);
        if self.settled.has_at_or_above(&p) {
            return;
        }
        self.push(
            Severity::Error,
            Code::FieldNull,
            p,
            format!("`{key}` is `null`, which the server rejects: `null` is not the same as leaving the field out"),
            Some(format!("remove `{key}` to use the default, or give it a value")),
        );
    }

    /// Attach `s` to the next issue reported (call it right before the report).
    #[cfg_attr(not(target_arch = "wasm32"), cold)]
    pub(crate) fn suggest(&mut self, s: Suggestion) {
        self.next_suggestion = Some(s);
    }

    /// Mark the field `key` of the current object as decided by a rule (the server never reads
    /// it here): the table-driven check reports nothing at or inside it.
    pub(crate) fn settle(&mut self, key: &str) {
        let p = self.here_key(key);
        self.settled.push(p);
    }

    /// Whether the reporting walk `f` finds nothing the server rejects (no error, strict mode
    /// aside: a warning is never a rejection), with everything it reported dropped. Decides a
    /// union's member with the same rules that report on it, instead of a second, non-reporting
    /// copy of them.
    pub(crate) fn probe(&mut self, f: impl FnOnce(&mut Self)) -> bool {
        let (errors, warnings) = (self.errors.len(), self.warnings.len());
        let (pending, settled) = (self.pending.len(), self.settled.len());
        let suggestion = self.next_suggestion.take();
        let strict = std::mem::replace(&mut self.strict, false);
        let soft = std::mem::replace(&mut self.soft, false);
        self.probing += 1;
        f(self);
        self.probing -= 1;
        let fits = self.errors.len() == errors
            && self.pending[pending..]
                .iter()
                .all(|i| i.severity != Severity::Error);
        self.errors.truncate(errors);
        self.warnings.truncate(warnings);
        self.pending.truncate(pending);
        self.settled.truncate(settled);
        self.next_suggestion = suggestion;
        self.strict = strict;
        self.soft = soft;
        fits
    }

    /// Run the reporting walk `f`, with the errors it reports made warnings when `soft`: the
    /// rules of a field's value where the field is server-only (RULES.md 1.4), as a server-only
    /// alias's value is checked by the rules of the field it stands for. In strict mode they
    /// stay errors. Not for a walk inside [`Ctx::probe`]: the errors it makes warnings would not
    /// count against the probe's fit (a probe inside a soft walk is fine: it clears the flag).
    pub(crate) fn as_warnings<R>(&mut self, soft: bool, f: impl FnOnce(&mut Self) -> R) -> R {
        let outer = self.soft;
        self.soft |= soft;
        let r = f(self);
        self.soft = outer;
        r
    }

    /// The severity an issue of severity `sev` is reported with: an error in strict mode, a
    /// warning in a soft walk (see [`Ctx::as_warnings`]), whose `message` then says that the
    /// server rejects the value (a warning alone would read as harmless).
    fn severity(&self, sev: Severity, message: &mut String) -> Severity {
        if self.strict {
            Severity::Error
        } else if self.soft && sev == Severity::Error {
            message.push_str("; the server would reject this value");
            Severity::Warning
        } else {
            sev
        }
    }

    /// Report the deferred issues of [`Ctx::field_type`] that no rule has covered (an issue at
    /// or under its path, one reported here included) or settled (at or above its path), in
    /// their order. Both are asked of hash sets of paths, not by scanning every issue for each
    /// deferred one, which took O(n²) time (a type issue in each of 16,000 messages: 0.56 s).
    pub(crate) fn flush_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let keep: Vec<bool> = {
            let mut covered = PathSet::default();
            for i in self.errors.iter().chain(&self.warnings) {
                covered.add_with_ancestors(&i.path);
            }
            let settled = &self.settled;
            pending
                .iter()
                .map(|issue| {
                    let keep = !settled.has_at_or_above(&issue.path) && !covered.has(&issue.path);
                    if keep {
                        covered.add_with_ancestors(&issue.path);
                    }
                    keep
                })
                .collect()
        };
        for (issue, keep) in pending.into_iter().zip(keep) {
            if keep {
                self.push(issue.severity, issue.code, issue.path, issue.message, None);
            }
        }
    }
}

/// Whether a value has one of a field's JSON types as written (an integer literal for a whole
/// number): the common case, checked inline for every field.
#[inline(always)]
fn fits_exactly(v: &Value<'_>, t: u8) -> bool {
    match v {
        Value::String(_) => t & STRING != 0,
        Value::Bool(_) => t & BOOLEAN != 0,
        Value::Object(_) => t & OBJECT != 0,
        Value::Array(_) => t & ARRAY != 0,
        Value::Number(n) => t & NUMBER != 0 || (t & INTEGER != 0 && n.int),
        Value::Null => t & Names::NULLABLE != 0,
    }
}

/// How a value fits a field's JSON types, read as pydantic's lax mode reads it.
enum Fit {
    Ok,
    Null,
    Coerced,
    Invalid,
}

use crate::vocab::bits::{ARRAY, BOOLEAN, INTEGER, NUMBER, OBJECT, STRING};

fn field_fit(v: &Value<'_>, t: u8) -> Fit {
    use super::lax::{lax_bool, lax_float, lax_int, Lax};
    if fits_exactly(v, t) {
        return Fit::Ok;
    }
    if v.is_null() {
        return Fit::Null;
    }
    // a whole number written as a float (`100.0`) is an integer to the server
    if t & INTEGER != 0 && matches!(lax_int(v), Lax::Exact(_)) {
        return Fit::Ok;
    }
    // what the server converts: strings and numbers to booleans, strings and booleans to numbers
    let coerced = (t & BOOLEAN != 0 && matches!(lax_bool(v), Lax::Coerced(_)))
        || (t & INTEGER != 0 && t & NUMBER == 0 && matches!(lax_int(v), Lax::Coerced(_)))
        || (t & NUMBER != 0 && matches!(lax_float(v), Lax::Coerced(_)));
    if coerced {
        Fit::Coerced
    } else {
        Fit::Invalid
    }
}

/// The types of a [`Names::types`] byte, for messages ("a string or an object"; built by hand:
/// `join` cost 1.2 KB of the wasm build).
fn want(t: u8) -> String {
    let mut out = String::new();
    for (b, name) in [
        (STRING, "a string"),
        (NUMBER, "a number"),
        (BOOLEAN, "a boolean"),
        (OBJECT, "an object"),
        (ARRAY, "an array"),
    ] {
        if t & b != 0 {
            if !out.is_empty() {
                out.push_str(" or ");
            }
            out.push_str(name);
        }
    }
    if out.is_empty() {
        out.push_str(if t & INTEGER != 0 {
            "a whole number"
        } else {
            "a value"
        });
    }
    out
}

/// Whether renaming the key `k` to `known` is safe: they differ only in case, `_` and `-`, or
/// `k` is a documented alias of `known`.
fn same_key(k: &str, known: &str) -> bool {
    crate::vocab::KEY_ALIASES.contains(&(k, known)) || norm(k).eq(norm(known))
}

/// A short, safe rendering of a user string for messages (cut after 40 characters).
pub(crate) fn short(s: &str) -> String {
    super::short_text(s, 40)
}

/// The JSON type name of a value, for messages.
pub(crate) fn type_name(v: &Value<'_>) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The message of a value of the wrong JSON type: `what`, then ", not " and its
/// [`type_name`]. One call where each of about 80 call sites built a `format!` argument list.
#[inline(never)]
pub(crate) fn not_type_of(what: &[&str], v: &Value<'_>) -> String {
    let t = type_name(v);
    let mut s = String::with_capacity(what.iter().map(|p| p.len()).sum::<usize>() + 6 + t.len());
    for p in what {
        s.push_str(p);
    }
    s.push_str(", not ");
    s.push_str(t);
    s
}

/// [`not_type_of`] for a message that is one literal.
pub(crate) fn not_type(what: &str, v: &Value<'_>) -> String {
    not_type_of(&[what], v)
}

/// The characters of `s` but `_` and `-`, in ASCII lower case: how keys are compared for
/// typos (read in place: collecting them into a `String` per known field, twice, made the typo
/// search of 601 unknown keys 29% of the instructions of validating their 1 MB body).
fn norm(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
}

/// Keys of fewer [`norm`] characters than this are compared on the stack (every key of the API
/// is).
const ROW: usize = 40;

/// A key's [`norm`] characters, read once: on the stack when it has fewer than [`ROW`] (the
/// typo search compared iterators that decoded and filtered each key again for every row of
/// the distance: 14% of validating a body with 1,124 issues).
enum Normed {
    Short([char; ROW], usize),
    Long(Vec<char>),
}

impl Normed {
    fn of(s: &str) -> Normed {
        let mut buf = ['\0'; ROW];
        let mut n = 0;
        for c in norm(s) {
            match buf.get_mut(n) {
                Some(slot) => *slot = c,
                None => return Normed::Long(norm(s).collect()),
            }
            n += 1;
        }
        Normed::Short(buf, n)
    }

    fn chars(&self) -> &[char] {
        match self {
            Normed::Short(buf, n) => buf.get(..*n).unwrap_or_default(),
            Normed::Long(v) => v,
        }
    }
}

/// The edit distance of two character sequences when it is at most `k` (`None` when it is
/// more), with its two rows on the stack when `b` is shorter than [`ROW`].
fn distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    let nb = b.len();
    // (a distance is at least the difference of the lengths: most fields are not compared)
    if a.len().abs_diff(nb) > k {
        return None;
    }
    let d = if nb < ROW {
        let (mut prev, mut cur) = ([0; ROW], [0; ROW]);
        distance_rows(a, b, &mut prev[..=nb], &mut cur[..=nb])
    } else {
        distance_rows(a, b, &mut vec![0; nb + 1], &mut vec![0; nb + 1])
    };
    (d <= k).then_some(d)
}

/// The edit distance of `a` and `b`, with two rows of `b`'s length + 1 to work in. (Every
/// cell of a row is computed: only the band of cells that the typo search's limit of 1 or 2
/// allows, 3 to 5 a row, measured 20% more instructions than the whole rows of its short keys.)
fn distance_rows<'r>(
    a: &[char],
    b: &[char],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> usize {
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[prev.len() - 1]
}

/// The known field closest to `key`, if close enough to be a likely typo.
pub(crate) fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    const ALIASES: &[(&str, &str)] = &[
        ("enabled_tools", "allowed_tools"),
        ("input_schema", "inputSchema"),
        ("parameters", "inputSchema"),
        ("media_type", "mime_type"),
        ("mimetype", "mime_type"),
        ("tool_call_id", "tool_use_id"),
        ("arguments", "input"),
        ("msgs", "messages"),
        ("max_output_tokens", "max_tokens"),
    ];
    for (from, to) in ALIASES {
        if key.eq_ignore_ascii_case(from) {
            if let Some(k) = known.iter().find(|k| **k == *to) {
                return Some(k);
            }
        }
    }
    let normed = Normed::of(key);
    let key_chars = normed.chars();
    if let Some(k) = known.iter().find(|k| norm(k).eq(key_chars.iter().copied())) {
        return Some(k);
    }
    let limit = if key.chars().count() <= 4 { 1 } else { 2 };
    known
        .iter()
        .filter_map(|k| distance_within(key_chars, Normed::of(k).chars(), limit).map(|d| (d, *k)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(
            pointer(&[
                Seg::Key("a/b"),
                Seg::Idx(3),
                Seg::Key("~x"),
                Seg::Idx(0),
                Seg::Idx(1209)
            ]),
            "/a~1b/3/~0x/0/1209"
        );
        assert_eq!(pointer(&[]), "");
        assert_eq!(
            pointer(&[
                Seg::Key(""),
                Seg::Key("~/"),
                Seg::Key("é/ü~"),
                Seg::Key("x/")
            ]),
            "//~0~1/é~1ü~0/x~1"
        );
    }

    proptest::proptest! {
        /// A key's segment reads back as the key (RFC 6901), and holds no `/` of its own.
        #[test]
        fn a_key_segment_reads_back(key in "[a~/é_]{0,12}") {
            let mut out = String::new();
            push_key(&mut out, &key);
            let segment = out.strip_prefix('/').unwrap();
            proptest::prop_assert!(!segment.contains('/'));
            proptest::prop_assert_eq!(zylon_json::pointer_segment(segment), key.as_str());
        }
    }

    #[test]
    fn did_you_mean_finds_aliases_case_and_typos() {
        assert_eq!(
            did_you_mean("input_schema", &["name", "inputSchema"]),
            Some("inputSchema")
        );
        assert_eq!(
            did_you_mean("mimeType", &["data", "mime_type"]),
            Some("mime_type")
        );
        assert_eq!(
            did_you_mean("enabled_tools", &["enabled", "allowed_tools"]),
            Some("allowed_tools")
        );
        assert_eq!(
            did_you_mean("temperture", &["temperature", "top_p"]),
            Some("temperature")
        );
        assert_eq!(did_you_mean("zzzzzz", &["temperature", "top_p"]), None);
    }

    #[test]
    fn edit_distance_on_the_stack_and_past_it() {
        // rows on the stack below 40 characters, on the heap from there: the same distances
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        for n in [0, 1, 5, 38, 39, 40, 41, 90] {
            let a = chars(&"ab".repeat(n).chars().take(n).collect::<String>());
            let mut b = a.clone();
            assert_eq!(distance_within(&a, &b, 2), Some(0), "{n}");
            b.push('z');
            assert_eq!(distance_within(&a, &b, 2), Some(1), "{n}");
            assert_eq!(distance_within(&a, &b, 0), None, "{n}");
            if n >= 1 {
                b[0] = 'y';
                assert_eq!(distance_within(&a, &b, 2), Some(2), "{n}");
                assert_eq!(distance_within(&a, &b, 1), None, "{n}");
            }
            let far = chars(&"x".repeat(n + 4));
            assert_eq!(distance_within(&a, &far, n + 4), Some(n + 4), "{n}");
            assert_eq!(distance_within(&a, &far, 2), None, "{n}");
        }
    }

    #[test]
    fn normed_keys_on_the_stack_and_past_it() {
        // `_` and `-` dropped, ASCII lower-cased, other characters kept; the same characters
        // on both sides of the stack buffer's size
        assert_eq!(Normed::of("Max_Tokens-É").chars(), chars_of("maxtokensÉ"));
        for n in [0, 1, 38, 39, 40, 41, 90] {
            let key = "A_".repeat(n);
            assert_eq!(Normed::of(&key).chars(), chars_of(&"a".repeat(n)), "{n}");
        }
        // a long unknown key still finds a long known one
        let long = "x".repeat(45);
        let typo = format!("{}y", "x".repeat(44));
        assert_eq!(did_you_mean(&typo, &[&long]), Some(long.as_str()));
    }

    fn chars_of(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn short_cuts_long_strings() {
        let s = "x".repeat(100);
        assert_eq!(short(&s).chars().count(), 41);
        assert_eq!(short("ab\"c"), "ab\\\"c");
    }

    /// A verdict-only walk is decided by an error no probe drops: not by a warning, not by an
    /// error inside a probe (dropped with it), nor by one in a soft walk (a warning); a strict
    /// walk's warning is an error. A walk for a report is never decided.
    #[test]
    fn a_verdict_is_decided_by_a_final_error_only() {
        let mut ctx = Ctx::verdict_only(&crate::Options::default());
        ctx.warn(Code::FieldType, "w");
        assert!(!ctx.probe(|ctx| ctx.error(Code::FieldType, "dropped")));
        ctx.as_warnings(true, |ctx| ctx.error(Code::FieldType, "soft"));
        assert!(!ctx.decided());
        // inside a probe, an error reported before it still decides
        assert!(ctx.probe(|ctx| assert!(!ctx.decided())));
        ctx.error(Code::FieldType, "final");
        assert!(ctx.decided());
        assert!(!ctx.probe(|ctx| {
            assert!(ctx.decided());
            ctx.error(Code::FieldType, "e")
        }));
        assert!(ctx.decided());

        let strict = crate::Options {
            strict: true,
            ..Default::default()
        };
        let mut ctx = Ctx::verdict_only(&strict);
        ctx.warn(Code::FieldType, "an error in strict mode");
        assert!(ctx.decided());

        let mut ctx = Ctx::new(&crate::Options::default());
        ctx.error(Code::FieldType, "e");
        assert!(!ctx.decided(), "a report's walk never stops early");
    }

    #[test]
    fn a_probe_decides_by_errors_and_drops_what_it_reported() {
        let strict = crate::Options {
            strict: true,
            ..Default::default()
        };
        let mut ctx = Ctx::new(&strict);
        ctx.warn(Code::FieldType, "kept");
        let renamed = Suggestion {
            kind: super::super::report::SuggestionKind::RenameKey,
            value: "x".into(),
        };
        ctx.suggest(renamed.clone());
        // A warning is no rejection, strict mode or not; nothing it reports stays.
        assert!(ctx.probe(|ctx| ctx.key("a", |ctx| ctx.warn(Code::FieldType, "w"))));
        assert!(!ctx.probe(|ctx| {
            ctx.error(Code::FieldType, "e");
            ctx.settle("b");
        }));
        assert_eq!((ctx.errors.len(), ctx.warnings.len()), (1, 0));
        assert_eq!(ctx.errors[0].message, "kept");
        assert_eq!(ctx.settled.len(), 0);
        // The suggestion waiting before the probe goes to the next issue after it.
        ctx.error(Code::FieldType, "next");
        assert_eq!(ctx.errors[1].suggestion, Some(renamed));
        // An outer strict mode still applies after the probe.
        ctx.warn(Code::FieldType, "strict");
        assert_eq!(ctx.errors.len(), 3);
    }

    /// The textbook table over collected characters, as the distance was computed before.
    fn reference(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
            }
        }
        d[a.len()][b.len()]
    }

    proptest::proptest! {
        /// The distance is the full table's where that is at most `k`, and `None` past it.
        #[test]
        fn the_distance_within_k_is_the_full_tables(
            a in "[abé_]{0,9}",
            b in "[abé_]{0,9}",
            k in 0usize..5,
        ) {
            let d = reference(&a, &b);
            proptest::prop_assert_eq!(
                distance_within(&chars_of(&a), &chars_of(&b), k),
                (d <= k).then_some(d)
            );
        }
    }

    #[test]
    fn edit_distance_counts_characters() {
        let words = [
            "",
            "a",
            "messages",
            "mesages",
            "messgaes",
            "mеssages",
            "tools",
            "tool",
            "tëxt",
            "text",
            "max_tokens",
            "maxtokens",
            "東京",
            "東京都",
            "inputSchema",
            "input_schema",
        ];
        for a in words {
            for b in words {
                let (ca, cb) = (chars_of(a), chars_of(b));
                let d = reference(a, b);
                // exact up to `k`, `None` past it, for every `k`
                for k in 0..=12 {
                    let want = (d <= k).then_some(d);
                    assert_eq!(distance_within(&ca, &cb, k), want, "{a:?} {b:?} {k}");
                }
            }
        }
        // a Cyrillic `е` is one substitution, as any other character
        assert_eq!(
            distance_within(&chars_of("mеssages"), &chars_of("messages"), 2),
            Some(1)
        );
    }

    #[test]
    fn as_warnings_makes_the_errors_of_its_walk_warnings_outside_strict_mode() {
        let doc_text = r#"{"n": "x"}"#;
        let arena = zylon_json::Arena::new();
        let doc = zylon_json::parse(doc_text, 8, &arena).unwrap();
        let v = doc.value.as_object().unwrap().get("n").unwrap();
        let mut ctx = Ctx::new(&crate::Options::default());
        ctx.error(Code::FieldType, "before");
        let r = ctx.as_warnings(true, |ctx| {
            ctx.key("a", |ctx| ctx.error(Code::ToolChoiceTypeEnum, "inside"));
            ctx.warn(Code::FieldUnknown, "a warning inside");
            // a deferred type issue (reported by `flush_pending`)
            ctx.field_type("n", &v, crate::vocab::bits::INTEGER);
            7
        });
        assert_eq!(r, 7);
        ctx.error(Code::FieldType, "after");
        ctx.flush_pending();
        let errors: Vec<_> = ctx.errors.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(errors, ["before", "after"]);
        let warnings: Vec<_> = ctx
            .warnings
            .iter()
            .map(|i| (i.code, i.path.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                (Code::ToolChoiceTypeEnum, "/a"),
                (Code::FieldUnknown, ""),
                (Code::FieldType, "/n")
            ]
        );
        assert!(ctx.warnings.iter().all(|i| i.severity == Severity::Warning));
        // the errors made warnings say that the server rejects the value; a warning is unchanged
        let note = "; the server would reject this value";
        assert!(note.contains(super::super::WOULD_REJECT));
        assert_eq!(ctx.warnings[0].message, format!("inside{note}"));
        assert_eq!(ctx.warnings[1].message, "a warning inside");
        assert_eq!(
            ctx.warnings[2].message,
            format!("`n` must be a whole number, not a string{note}")
        );
        // strict mode: they stay errors
        let strict = crate::Options {
            strict: true,
            ..Default::default()
        };
        let mut ctx = Ctx::new(&strict);
        ctx.as_warnings(true, |ctx| ctx.error(Code::ToolChoiceTypeEnum, "inside"));
        assert_eq!((ctx.errors.len(), ctx.warnings.len()), (1, 0));
        // a probe inside a soft walk still tells errors (a union's member is decided by them)
        let mut ctx = Ctx::new(&crate::Options::default());
        let fits = ctx.as_warnings(true, |ctx| ctx.probe(|ctx| ctx.error(Code::FieldType, "e")));
        assert!(!fits);
        // and after the walk, errors are errors again
        ctx.error(Code::FieldType, "after");
        assert_eq!((ctx.errors.len(), ctx.warnings.len()), (1, 0));
        // not soft: nothing changes
        let mut ctx = Ctx::new(&crate::Options::default());
        ctx.as_warnings(false, |ctx| ctx.error(Code::ToolChoiceTypeEnum, "inside"));
        assert_eq!((ctx.errors.len(), ctx.warnings.len()), (1, 0));
    }
}

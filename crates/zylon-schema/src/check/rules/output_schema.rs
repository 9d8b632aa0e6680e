//! RULES.md §11 and Part 3.4: whether the server can build its output model from a structured
//! output schema. The request mapper hands `response_format.json_schema` (and the server-only
//! `output_config.format.json_schema`) to `create_model_from_json_schema`
//! (`private_gpt/chat/schema_models.py`), which validates the schema and then builds a pydantic
//! model from it; any exception there rejects the body (400). This module follows that code step
//! by step, including what Python does with values of unexpected types (iterating a string,
//! `in` on a string, hashing a list), so that the verdict is the server's.

use crate::check::json::{Object, Value};

/// Why the server cannot build a model from `schema`, or `None` when it can.
pub(super) fn problem(schema: &Value<'_>) -> Option<String> {
    let Value::Object(s) = schema else {
        return Some("the schema must be an object".into());
    };
    object_problem(s)
}

/// [`problem`] for a schema that is an object: `create_model_from_json_schema`'s validation,
/// then the array or the object model.
pub(super) fn object_problem(s: &Object<'_>) -> Option<String> {
    build(s).err()
}

fn build(s: &Object<'_>) -> Result<(), String> {
    validate_top(s)?;
    if is_str(s.get("type"), "array") {
        array_model(s)
    } else {
        object_model(s)
    }
}

fn is_str(v: Option<Value<'_>>, want: &str) -> bool {
    matches!(v, Some(Value::String(t)) if t == want)
}

/// `_validate_json_schema` (the top level: composition keys need no `type`).
fn validate_top(s: &Object<'_>) -> Result<(), String> {
    if s.is_empty() {
        return Ok(());
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(v) = s.get(key) {
            // `for sub in schema[key]`: a list is walked; a string or an object is iterated
            // (characters, keys: each one a string, not a schema); anything else is not iterable.
            return match v {
                Value::Array(items) => items.iter().try_for_each(|i| item(&i, false, key)),
                Value::String("") => Ok(()),
                Value::Object(o) if o.is_empty() => Ok(()),
                _ => Err(format!("`{key}` must be a list of schemas")),
            };
        }
    }
    let Some(t) = s.get("type") else {
        return Err("it has no `type` (and no top-level `allOf`/`anyOf`/`oneOf`)".into());
    };
    match t {
        Value::String("object") => match s.get("properties") {
            None => Err("an object schema must define `properties`".into()),
            Some(Value::Object(props)) => {
                props.iter().try_for_each(|(name, p)| item(&p, false, name))
            }
            Some(_) => Err("`properties` must be an object".into()),
        },
        Value::String("array") => match s.get("items") {
            None => Ok(()),
            Some(items) => item(&items, true, "items"),
        },
        _ => Ok(()),
    }
}

/// `_validate_json_schema_item`: a nested schema (a property, a branch, array items).
fn item(v: &Value<'_>, strict: bool, at: &str) -> Result<(), String> {
    let Value::Object(o) = v else {
        return Err(format!("`{at}` must be a schema object"));
    };
    if o.is_empty() {
        return Ok(());
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(x) = o.get(key) {
            return match x {
                Value::Array(xs) => xs.iter().try_for_each(|i| item(&i, false, key)),
                _ => Err(format!("`{key}` in `{at}` must be a list of schemas")),
            };
        }
    }
    let Some(t) = o.get("type") else {
        return if strict {
            Err(format!("`{at}` must define a `type`"))
        } else {
            Ok(())
        };
    };
    if matches!(t, Value::String("array")) {
        return match o.get("items") {
            None => Err(format!("the array schema `{at}` must define `items`")),
            Some(items @ Value::Object(_)) => item(&items, true, "items"),
            Some(_) => Err(format!("`items` of `{at}` must be a schema object")),
        };
    }
    Ok(())
}

/// `_create_array_model`: items that are objects get a model of their own.
fn array_model(s: &Object<'_>) -> Result<(), String> {
    let Some(Value::Object(items)) = s.get("items") else {
        return Ok(()); // no items: a list of anything
    };
    if is_str(items.get("type"), "object") || items.contains_key("properties") {
        return build(&items);
    }
    if items.is_empty() {
        return Ok(());
    }
    resolve(&items, "items")
}

/// The object model: `required` is made a set, every property's type is resolved.
fn object_model(s: &Object<'_>) -> Result<(), String> {
    let props = match s.get("properties") {
        None => None,
        Some(Value::Object(p)) => Some(p),
        Some(_) => return Err("`properties` must be an object".into()),
    };
    match s.get("required") {
        None | Some(Value::String(_)) | Some(Value::Object(_)) => {}
        Some(Value::Array(xs)) => {
            if xs
                .iter()
                .any(|x| matches!(x, Value::Array(_) | Value::Object(_)))
            {
                return Err("`required` must list property names".into());
            }
        }
        Some(_) => return Err("`required` must be a list of property names".into()),
    }
    let Some(props) = props else { return Ok(()) };
    for (name, p) in props.iter() {
        let Value::Object(fs) = p else {
            return Err(format!("property `{name}` must be a schema object"));
        };
        resolve(&fs, name)?;
    }
    Ok(())
}

/// `_resolve_json_type` on a schema object.
fn resolve(fs: &Object<'_>, at: &str) -> Result<(), String> {
    for key in ["anyOf", "oneOf"] {
        if let Some(x) = fs.get(key) {
            let ms = members(&x, at, key)?;
            for m in &ms {
                m.resolve(at)?;
            }
            return if ms.is_empty() {
                Err(format!("`{key}` in `{at}` must not be empty"))
            } else {
                Ok(())
            };
        }
    }
    if let Some(x) = fs.get("allOf") {
        // the first member that has a `type` decides; the others are not looked at
        for m in members(&x, at, "allOf")? {
            if m.has_type()? {
                return m.resolve(at);
            }
        }
        return Ok(());
    }
    let Some(t) = fs.get("type") else {
        return Ok(());
    };
    let first = match t {
        Value::Array(ts) => match ts.first() {
            Some(f) => f,
            None => return Err(format!("`type` of `{at}` must not be an empty list")),
        },
        other => other,
    };
    if matches!(first, Value::String("array")) {
        if let Some(items) = fs.get("items").filter(|i| super::truthy(i)) {
            resolve_any(&items, "items")?;
        }
    }
    if matches!(first, Value::Array(_) | Value::Object(_)) {
        return Err(format!("`type` of `{at}` must be a type name"));
    }
    Ok(())
}

/// One member of `for sub in x`: a value of a list, or a string (a character of a string, a key
/// of an object).
enum Member<'v, 'a> {
    Value(Value<'a>),
    Str(&'v str),
}

impl Member<'_, '_> {
    /// `"type" in sub`: membership for objects and lists, a substring test for strings.
    fn has_type(&self) -> Result<bool, String> {
        match self {
            Member::Value(Value::Object(o)) => Ok(o.contains_key("type")),
            Member::Value(Value::String(s)) | Member::Str(s) => Ok(zylon_json::contains(s, "type")),
            Member::Value(Value::Array(xs)) => {
                Ok(xs.iter().any(|x| matches!(x, Value::String("type"))))
            }
            Member::Value(_) => Err("an `allOf` member must be a schema object".into()),
        }
    }

    fn resolve(&self, at: &str) -> Result<(), String> {
        match self {
            Member::Value(v) => resolve_any(v, at),
            Member::Str(s) => resolve_str(s, at),
        }
    }
}

/// `for sub in x`: lists give their items, strings their characters and objects their keys;
/// other values are not iterable.
fn members<'v, 'a>(x: &'v Value<'a>, at: &str, key: &str) -> Result<Vec<Member<'v, 'a>>, String> {
    match x {
        Value::Array(xs) => Ok(xs.iter().map(Member::Value).collect()),
        Value::String(s) => Ok(s
            .char_indices()
            .map(|(i, c)| Member::Str(&s[i..i + c.len_utf8()]))
            .collect()),
        Value::Object(o) => Ok(o.iter().map(|(k, _)| Member::Str(k)).collect()),
        _ => Err(format!("`{key}` in `{at}` must be a list of schemas")),
    }
}

/// `_resolve_json_type` on a string: `"anyOf" in s` is a substring test, and a match then
/// indexes the string with a string key (or calls `.get` on it): both raise.
fn resolve_str(s: &str, at: &str) -> Result<(), String> {
    if ["anyOf", "oneOf", "allOf", "type"]
        .iter()
        .any(|k| zylon_json::contains(s, k))
    {
        Err(format!("`{at}` must hold schema objects"))
    } else {
        Ok(())
    }
}

/// `_resolve_json_type` on a value of any JSON type (a branch of `anyOf`, array `items`).
fn resolve_any(v: &Value<'_>, at: &str) -> Result<(), String> {
    match v {
        Value::Object(o) => resolve(o, at),
        Value::String(s) => resolve_str(s, at),
        // membership on a list; a match then indexes the list with a string: it raises
        Value::Array(xs) => {
            if xs.iter().any(|x| {
                matches!(x, Value::String(k) if ["anyOf", "oneOf", "allOf", "type"].contains(&k))
            }) {
                Err(format!("`{at}` must hold schema objects"))
            } else {
                Ok(())
            }
        }
        _ => Err(format!("`{at}` must hold schema objects")),
    }
}

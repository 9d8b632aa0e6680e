#!/usr/bin/env python3
"""Consumer check: generate pydantic v2 models from the exported JSON Schemas (schemas/) with
datamodel-code-generator, the way a Python user would, and check that

  * the root model class is named after the schema's root `title` (e.g. `ChatRequest`);
  * no generated class name ends in a digit (numbered duplicates such as `ContentBlock1`);
  * every valid fixture and every example round-trips exactly through the root model
    (`model_validate` then `model_dump(mode="json", by_alias=True, exclude_unset=True)`);
  * every fixture whose expected errors are all shape errors is rejected (`ValidationError`).

The fixtures, the kind-to-schema mapping, the shape codes and the skip rules are the ones of
scripts/check_schemas.py (the jsonschema check), so a failure here is a codegen-level problem of
a schema that check_schemas.py accepts.

Run with a Python that has datamodel-code-generator, pydantic v2 and jsonschema installed:
    /tmp/dmc/bin/python scripts/check_codegen.py [--schemas DIR]
--schemas DIR (or the environment variable ZYLON_SCHEMAS_DIR) checks the *.schema.json files of
another directory (e.g. a snapshot) instead of schemas/; fixtures and examples stay those of the
repository.
"""
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import types
import typing
import warnings

import pydantic
from pydantic import BaseModel, RootModel, ValidationError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # leave no scripts/__pycache__ behind
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from check_schemas import SCHEMA_FOR_KIND, SHAPE_CODES  # noqa: E402  (shared with the jsonschema check)

SCHEMAS = [
    "chat-request", "interaction-request", "project-chat-request", "thread-create", "thread-update",
    "interaction", "message-output", "stream-event",
]
MAX_LISTED = 30
SCHEMA_DIR = os.environ.get("ZYLON_SCHEMAS_DIR") or os.path.join(ROOT, "schemas")


def example_kind(body):
    """The kind of an example request, detected as scripts/check_schemas.py does."""
    kind = "chat"
    if "pgpt" in body:
        kind = "interaction" if ("thread_id" in body or "agent" in body) else "project-chat"
    elif "messages" not in body and "name" in body and "visibility" in body:
        kind = "thread"
    return kind


def generate(name, schema_path, out_dir):
    """Run datamodel-code-generator on the schema; return (path, error)."""
    out = os.path.join(out_dir, "zs_" + name.replace("-", "_") + ".py")
    # All of these flags exist in datamodel-code-generator 0.89 (checked with --help).
    cmd = [
        sys.executable, "-m", "datamodel_code_generator",
        "--input", schema_path,
        "--input-file-type", "jsonschema",
        "--output-model-type", "pydantic_v2.BaseModel",
        "--output", out,
        "--extra-fields", "allow",
        "--use-title-as-name",
        "--use-annotated",
        "--enum-field-as-literal", "all",
        "--disable-timestamp",
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=out_dir)
    if r.returncode != 0 or not os.path.exists(out):
        return None, f"datamodel-code-generator exited {r.returncode}: {(r.stderr or r.stdout).strip()[-800:]}"
    return out, None


def import_module(path):
    modname = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(modname, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[modname] = mod  # pydantic resolves forward references through sys.modules
    spec.loader.exec_module(mod)
    return mod


def generated_classes(mod):
    """Every class the generated module defines (models, root models, enums), by name. pydantic
    also registers parametrised bases such as `RootModel[A | B]` in the module's globals under
    non-identifier names; those are not generated classes."""
    return {n: o for n, o in vars(mod).items()
            if n.isidentifier() and isinstance(o, type) and o.__module__ == mod.__name__}


def models_in(tp, acc):
    """Collect the generated model classes an annotation mentions."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        acc.add(tp)
    for a in typing.get_args(tp):
        models_in(a, acc)
    return acc


def referenced(models):
    refs = set()
    for cls in models:
        for f in cls.model_fields.values():
            refs |= models_in(f.annotation, set()) - {cls}
    return refs


def root_shaped(cls, schema):
    """Whether a generated model has the shape of the schema's root (used to identify the root
    model whatever it was named)."""
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        return False
    is_root_model = issubclass(cls, RootModel)
    if "properties" in schema:
        if is_root_model:
            return False
        return {f.alias or n for n, f in cls.model_fields.items()} == set(schema["properties"])
    alts = schema.get("anyOf") or schema.get("oneOf")
    if alts:
        if not is_root_model:
            return False
        ann = cls.model_fields["root"].annotation
        return typing.get_origin(ann) in (typing.Union, types.UnionType) \
            and len(typing.get_args(ann)) == len(alts)
    return False


def find_root(classes, schema):
    """The generated class for the schema root: (class or None, how it was found)."""
    title = schema.get("title")
    cls = classes.get(title) if isinstance(title, str) else None
    if cls is not None and root_shaped(cls, schema):
        return cls, "title"
    models = [c for c in classes.values() if isinstance(c, type) and issubclass(c, BaseModel)]
    cands = [c for c in models if root_shaped(c, schema)]
    if len(cands) > 1:
        refs = referenced(models)
        cands = [c for c in cands if c not in refs]
    if len(cands) == 1:
        return cands[0], "shape"
    return None, f"{len(cands)} candidates: {[c.__name__ for c in cands]}"


def first_diff(a, b, path="$"):
    """First path where the dump `a` differs from the body `b` (None if equal). Numbers compare
    with Python equality (1 == 1.0, 1e+20 == 100000000000000000000), but a bool never equals a
    number (True == 1 in Python would hide a coercion)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a:
                return f"{path}.{k}: missing from the dump (body has {b[k]!r:.80})"
            if k not in b:
                return f"{path}.{k}: added by the dump ({a[k]!r:.80})"
            d = first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} in the dump, {len(b)} in the body"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    same = (isinstance(a, bool) == isinstance(b, bool)) and type(a) in (int, float, bool, str, type(None)) \
        and type(b) in (int, float, bool, str, type(None)) and a == b
    if not same:
        return f"{path}: dump {a!r:.80} != body {b!r:.80}"
    return None


def short_error(e):
    errs = e.errors()
    first = errs[0] if errs else {}
    loc = ".".join(str(x) for x in first.get("loc", ()))
    return f"{len(errs)} error(s), first at {loc or '$'}: {first.get('msg', '')}"[:300]


def load_cases():
    """(label, kind, body, action) for every example and fixture, action in {"roundtrip", "reject"}.
    The skip rules are those of scripts/check_schemas.py."""
    cases = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "requests", "*.json"))):
        with open(path) as f:
            body = json.load(f)
        cases.append((os.path.relpath(path, ROOT), example_kind(body), body, "roundtrip"))
    pattern = os.path.join(ROOT, "crates", "zylon-schema", "tests", "fixtures", "**", "*.json")
    for path in sorted(glob.glob(pattern, recursive=True)):
        with open(path) as f:
            fx = json.load(f)
        kind = fx.get("kind", "chat")
        if "body" not in fx or kind not in SCHEMA_FOR_KIND or fx.get("options", {}).get("strict"):
            continue
        rel = os.path.relpath(path, ROOT)
        expect = fx.get("expect", {})
        codes = {e["code"] for e in expect.get("errors", [])}
        if any(w["code"] == "field.coerced" for w in expect.get("warnings", [])):
            # The server coerces "100" / "true"; the schema keeps JSON types (as check_schemas.py).
            continue
        if fx.get("schema_cannot_express"):
            # The fixture says why the schema does not describe this body / these errors.
            continue
        if expect.get("valid"):
            cases.append((rel, kind, fx["body"], "roundtrip"))
        elif codes and codes <= SHAPE_CODES:
            cases.append((rel, kind, fx["body"], "reject"))
    return cases


def check_openapi(tmp, failures):
    """schemas/openapi.json is a valid OpenAPI 3.1 document (openapi-spec-validator), and
    datamodel-code-generator's models from it (`--input-file-type openapi`) name the request
    `ChatRequest`, number no class, and round-trip every valid chat fixture. Returns how many
    bodies went through."""
    from openapi_spec_validator import validate as validate_spec

    src = os.path.join(SCHEMA_DIR, "openapi.json")
    with open(src) as f:
        doc = json.load(f)
    try:
        validate_spec(doc)
    except Exception as e:  # the validator's own error types
        failures.append(f"openapi.json: not a valid OpenAPI document: {e}"[:500])
        return 0
    path = os.path.join(tmp, "openapi.json")
    shutil.copyfile(src, path)
    out = os.path.join(tmp, "zs_openapi.py")
    cmd = [sys.executable, "-m", "datamodel_code_generator", "--input", path,
           "--input-file-type", "openapi", "--output-model-type", "pydantic_v2.BaseModel",
           "--output", out, "--extra-fields", "allow", "--use-annotated",
           "--enum-field-as-literal", "all", "--disable-timestamp"]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
    if r.returncode != 0:
        failures.append(f"openapi.json: datamodel-code-generator exited {r.returncode}: {r.stderr.strip()[-500:]}")
        return 0
    classes = generated_classes(import_module(out))
    numbered = sorted(n for n in classes if n[-1:].isdigit())
    if numbered:
        failures.append(f"openapi.json: generated class names end in a digit: {', '.join(numbered)}")
    model = classes.get("ChatRequest")
    if model is None:
        failures.append("openapi.json: no ChatRequest class generated")
        return 0
    n = 0
    for rel, kind, body, action in load_cases():
        if kind != "chat" or action != "roundtrip":
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                d = first_diff(model.model_validate(body).model_dump(mode="json", by_alias=True, exclude_unset=True), body)
            except Exception as e:
                failures.append(f"openapi.json: {rel}: {type(e).__name__}: {e}"[:400])
                continue
        if d:
            failures.append(f"openapi.json: {rel}: round-trip through ChatRequest differs at {d}")
        n += 1
    return n


def main(argv):
    global SCHEMA_DIR
    if len(argv) == 2 and argv[0] == "--schemas":
        SCHEMA_DIR = os.path.abspath(argv[1])
    elif argv:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"datamodel-code-generator via {sys.executable}; pydantic {pydantic.VERSION}; schemas: {SCHEMA_DIR}",
          file=sys.stderr)
    failures = []
    roots = {}  # schema name -> root model class (None when unusable)
    n_schemas = 0
    with tempfile.TemporaryDirectory(prefix="zylon-codegen-") as tmp:
        # Snapshot the schemas first (they may be regenerated while this runs): the generator and
        # the checks below then read the same bytes. All their $refs are internal ("#/$defs/...").
        snap = os.path.join(tmp, "schemas")
        os.mkdir(snap)
        for name in SCHEMAS:
            shutil.copyfile(os.path.join(SCHEMA_DIR, name + ".schema.json"), os.path.join(snap, name + ".schema.json"))
        for name in SCHEMAS:
            schema_path = os.path.join(snap, name + ".schema.json")
            with open(schema_path) as f:
                schema = json.load(f)
            path, err = generate(name, schema_path, tmp)
            if err:
                failures.append(f"{name}: {err}")
                roots[name] = None
                continue
            try:
                mod = import_module(path)
            except Exception as e:  # a generated module that does not import is a failure to report
                failures.append(f"{name}: the generated module does not import: {type(e).__name__}: {e}"[:500])
                roots[name] = None
                continue
            n_schemas += 1
            classes = generated_classes(mod)
            title = schema.get("title")
            root, how = find_root(classes, schema)
            roots[name] = root
            if how != "title":
                found = root.__name__ if root is not None else f"not identified ({how})"
                if not (isinstance(title, str) and title.isidentifier()):
                    why = f"root title {title!r} is not a class name"
                elif title in classes:
                    why = f"class {title!r} exists but is not the root model"
                else:
                    why = f"no class named after the root title {title!r}"
                failures.append(f"{name}: {why}; the root model was generated as {found}")
            numbered = sorted(n for n in classes if n[-1:].isdigit())
            if numbered:
                failures.append(f"{name}: {len(numbered)} generated class names end in a digit: {', '.join(numbered)}")

        round_tripped = rejected = 0
        for rel, kind, body, action in load_cases():
            sname = SCHEMA_FOR_KIND[kind]
            model = roots.get(sname)
            if model is None:
                failures.append(f"{rel}: not checked, no usable root model for {sname}")
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # serializer warnings; equality is what counts
                if action == "roundtrip":
                    try:
                        m = model.model_validate(body)
                    except ValidationError as e:
                        failures.append(f"{rel}: valid body rejected by {sname} model {model.__name__}: {short_error(e)}")
                        continue
                    except Exception as e:
                        failures.append(f"{rel}: {model.__name__}.model_validate raised {type(e).__name__}: {e}"[:400])
                        continue
                    try:
                        dumped = m.model_dump(mode="json", by_alias=True, exclude_unset=True)
                    except Exception as e:
                        failures.append(f"{rel}: {model.__name__}.model_dump raised {type(e).__name__}: {e}"[:400])
                        continue
                    d = first_diff(dumped, body)
                    if d:
                        failures.append(f"{rel}: round-trip through {model.__name__} differs at {d}")
                    else:
                        round_tripped += 1
                else:
                    try:
                        model.model_validate(body)
                    except ValidationError:
                        rejected += 1
                    except Exception as e:
                        failures.append(f"{rel}: {model.__name__}.model_validate raised {type(e).__name__} "
                                        f"instead of ValidationError: {e}"[:400])
                    else:
                        failures.append(f"{rel}: shape-invalid body accepted by {sname} model {model.__name__}")

        openapi_checked = check_openapi(tmp, failures)

    for f in failures[:MAX_LISTED]:
        print("FAIL:", f)
    if len(failures) > MAX_LISTED:
        print(f"... and {len(failures) - MAX_LISTED} more")
    print(f"codegen: {n_schemas} schemas, {round_tripped} bodies round-tripped, {rejected} rejected, "
          f"openapi.json: {openapi_checked} chat bodies through its ChatRequest, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

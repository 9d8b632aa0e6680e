//! What `validate` reads: the arguments expanded into [`Source`]s (directories searched
//! recursively), and the sources cut into bounded batches of [`Item`]s (JSON Lines read line by
//! line, so a file of any size is never held in memory whole).

use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zylon_schema::Encoding;

/// The name standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// At most this many items in one batch.
pub const BATCH_ITEMS: usize = 1024;

/// A batch is closed once the bodies it holds add up to this many bytes (a batch of whole files
/// is read by the workers, so only JSONL lines and standard input count).
pub const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin {
        /// Read as JSON Lines (`--jsonl`).
        jsonl: bool,
    },
    /// A file, named as the user wrote it (or as found under a directory argument).
    File {
        /// The name reports show.
        name: Arc<str>,
        /// Where it is.
        path: PathBuf,
        /// Read as JSON Lines (`.jsonl`, `.ndjson`, or `--jsonl`).
        jsonl: bool,
    },
    /// A path that cannot be read (missing, no permission, a name that is not UTF-8, ...).
    Unreadable {
        /// The name reports show.
        name: Arc<str>,
        /// Why, as the operating system says it.
        reason: String,
    },
}

/// The arguments of `validate`, expanded.
#[derive(Debug)]
pub struct Expanded {
    /// Every source, in the order of the arguments (a directory's files in sorted order).
    pub sources: Vec<Source>,
    /// Whether the run is about exactly one plain JSON body (one file or standard input, not
    /// JSON Lines, not a directory): its JSON output is then the bare report, without `"file"`.
    pub single: bool,
}

/// Whether a file name ends in `.jsonl` or `.ndjson`.
pub fn is_jsonl_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(OsStr::to_str),
        Some("jsonl" | "ndjson")
    )
}

/// Whether a directory walk picks this file up (`*.json`, `*.jsonl`, `*.ndjson`).
fn is_wanted_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(OsStr::to_str),
        Some("json" | "jsonl" | "ndjson")
    )
}

fn display(path: &Path) -> Result<Arc<str>, Source> {
    match path.to_str() {
        Some(s) => Ok(Arc::from(s)),
        None => Err(Source::Unreadable {
            name: Arc::from(path.to_string_lossy().as_ref()),
            reason: "the file name is not valid UTF-8".into(),
        }),
    }
}

/// Expand the FILE / DIR / `-` arguments. `force_jsonl` (`--jsonl`) reads standard input and
/// every named file as JSON Lines; files found in directories go by their extension.
pub fn expand(args: &[OsString], force_jsonl: bool) -> Expanded {
    let mut sources = Vec::new();
    let mut any_dir = false;
    for arg in args {
        if arg == "-" {
            sources.push(Source::Stdin { jsonl: force_jsonl });
            continue;
        }
        let path = PathBuf::from(arg);
        let name = match display(&path) {
            Ok(n) => n,
            Err(unreadable) => {
                sources.push(unreadable);
                continue;
            }
        };
        match std::fs::metadata(&path) {
            Err(e) => sources.push(Source::Unreadable {
                name,
                reason: e.to_string(),
            }),
            Ok(m) if m.is_dir() => {
                any_dir = true;
                walk(&path, &mut sources);
            }
            Ok(_) => sources.push(Source::File {
                name,
                jsonl: force_jsonl || is_jsonl_name(&path),
                path,
            }),
        }
    }
    let single = args.len() == 1
        && !any_dir
        && matches!(
            sources.as_slice(),
            [Source::Stdin { jsonl: false }
                | Source::File { jsonl: false, .. }
                | Source::Unreadable { .. }]
        );
    Expanded { sources, single }
}

/// What a directory entry is, without following a symbolic link to a directory.
enum Entry {
    Dir(PathBuf),
    File(PathBuf),
    Problem(Source),
}

/// The entries of one directory that a walk visits, sorted by name (bytes), hidden entries and
/// `node_modules` left out, symbolic links to directories not followed (so no loop is possible),
/// only regular files (or links to them) kept.
fn list(dir: &Path) -> Result<Vec<Entry>, std::io::Error> {
    let mut names: Vec<(OsString, std::fs::FileType)> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        names.push((entry.file_name(), entry.file_type()?));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for (name, ty) in names {
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = dir.join(&name);
        if ty.is_dir() {
            if name != "node_modules" {
                out.push(Entry::Dir(path));
            }
            continue;
        }
        if !is_wanted_name(&path) {
            continue;
        }
        if ty.is_symlink() {
            // A link to a file is read; a link to a directory is not followed; a broken link is
            // an unreadable file.
            match std::fs::metadata(&path) {
                Ok(m) if !m.is_file() => continue,
                Ok(_) => {}
                Err(e) => {
                    out.push(Entry::Problem(Source::Unreadable {
                        name: Arc::from(path.to_string_lossy().as_ref()),
                        reason: e.to_string(),
                    }));
                    continue;
                }
            }
        }
        // Only regular files: a FIFO or a device that happens to be named *.json could block the
        // walk (named explicitly on the command line, they are read like any file).
        if ty.is_file() || ty.is_symlink() {
            out.push(Entry::File(path));
        }
    }
    Ok(out)
}

/// Every wanted file under `root`, depth first in sorted order (an explicit stack: no recursion
/// however deep the tree).
fn walk(root: &Path, sources: &mut Vec<Source>) {
    let unreadable = |dir: &Path, e: std::io::Error| Source::Unreadable {
        name: Arc::from(dir.to_string_lossy().as_ref()),
        reason: e.to_string(),
    };
    let mut stack = match list(root) {
        Ok(entries) => vec![entries.into_iter()],
        Err(e) => return sources.push(unreadable(root, e)),
    };
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Entry::Problem(s)) => sources.push(s),
            Some(Entry::Dir(dir)) => match list(&dir) {
                Ok(entries) => stack.push(entries.into_iter()),
                Err(e) => sources.push(unreadable(&dir, e)),
            },
            Some(Entry::File(path)) => match display(&path) {
                Ok(name) => sources.push(Source::File {
                    name,
                    jsonl: is_jsonl_name(&path),
                    path,
                }),
                Err(unreadable) => sources.push(unreadable),
            },
        }
    }
}

/// One unit of work for a validation worker.
#[derive(Debug)]
pub enum Item {
    /// A whole JSON file: the worker reads it (so files are read in parallel too).
    File {
        /// The name reports show.
        name: Arc<str>,
        /// Where it is.
        path: PathBuf,
    },
    /// A body already read into its batch: standard input, or one line of a JSON Lines source.
    Body {
        /// The name reports show.
        name: Arc<str>,
        /// The 1-based line number, for a JSON Lines body.
        line: Option<usize>,
        /// Where the body is in [`Batch::bytes`].
        range: Range<usize>,
    },
    /// Something that could not be read.
    Unreadable {
        /// The name reports show.
        name: Arc<str>,
        /// Why.
        reason: String,
    },
}

/// Items to check, with the bodies already read held in one buffer (no allocation per line).
#[derive(Debug, Default)]
pub struct Batch {
    /// The bodies of the [`Item::Body`] items, one after the other.
    pub bytes: Vec<u8>,
    /// The items, in input order.
    pub items: Vec<Item>,
}

impl Batch {
    /// The text of a body item.
    pub fn body(&self, range: &Range<usize>) -> &[u8] {
        self.bytes.get(range.clone()).unwrap_or_default()
    }
}

/// Fills batches and hands each full one to `emit` (which returns `false` to stop early).
struct Batcher<F: FnMut(Batch) -> bool> {
    batch: Batch,
    emit: F,
    stopped: bool,
}

impl<F: FnMut(Batch) -> bool> Batcher<F> {
    /// Close the batch if it is full; `false` once `emit` asked to stop.
    fn check(&mut self) -> bool {
        if self.batch.items.len() >= BATCH_ITEMS || self.batch.bytes.len() >= BATCH_BYTES {
            self.flush();
        }
        !self.stopped
    }

    fn push(&mut self, item: Item) -> bool {
        self.batch.items.push(item);
        self.check()
    }

    fn flush(&mut self) {
        if !self.batch.items.is_empty() && !self.stopped {
            // The next buffer starts as large as this one was (no regrowth batch after batch).
            let next = Batch {
                bytes: Vec::with_capacity(self.batch.bytes.len().min(BATCH_BYTES)),
                items: Vec::with_capacity(BATCH_ITEMS),
            };
            let full = std::mem::replace(&mut self.batch, next);
            self.stopped = !(self.emit)(full);
        }
    }
}

/// Read every source in order and hand out the items in batches of at most [`BATCH_ITEMS`]
/// items (and about [`BATCH_BYTES`] bytes of bodies). Stops when `emit` returns `false`.
pub fn produce(sources: Vec<Source>, emit: impl FnMut(Batch) -> bool) {
    let mut b = Batcher {
        batch: Batch::default(),
        emit,
        stopped: false,
    };
    for source in sources {
        let go_on = match source {
            Source::Unreadable { name, reason } => b.push(Item::Unreadable { name, reason }),
            Source::File {
                name,
                path,
                jsonl: false,
            } => b.push(Item::File { name, path }),
            Source::File {
                name,
                path,
                jsonl: true,
            } => match std::fs::File::open(&path) {
                Ok(f) => lines(name, BufReader::with_capacity(256 * 1024, f), false, &mut b),
                Err(e) => b.push(Item::Unreadable {
                    name,
                    reason: e.to_string(),
                }),
            },
            Source::Stdin { jsonl: true } => {
                let stdin = BufReader::with_capacity(256 * 1024, std::io::stdin().lock());
                lines(Arc::from(STDIN_NAME), stdin, true, &mut b)
            }
            Source::Stdin { jsonl: false } => {
                let name: Arc<str> = Arc::from(STDIN_NAME);
                let start = b.batch.bytes.len();
                match std::io::stdin().lock().read_to_end(&mut b.batch.bytes) {
                    Ok(_) => {
                        let range = start..b.batch.bytes.len();
                        b.push(Item::Body {
                            name,
                            line: None,
                            range,
                        })
                    }
                    Err(e) => {
                        b.batch.bytes.truncate(start);
                        b.push(Item::Unreadable {
                            name,
                            reason: e.to_string(),
                        })
                    }
                }
            }
        };
        if !go_on {
            return;
        }
    }
    b.flush();
}

/// The non-blank lines of a JSON Lines source, one item each, with their 1-based numbers, read
/// straight into the batch's buffer. The line ending (`\n` or `\r\n`) is not part of the body;
/// the body is otherwise passed as it is (a byte-order mark at the start of the first line is
/// the core's to handle). A source whose first bytes say UTF-16 or UTF-32 (as the server tells
/// a body's encoding: Windows PowerShell writes UTF-16 by default) is cut at the line feeds of
/// that encoding, each line passed in it (the core reads it as the server would).
///
/// `live` (standard input): the batch is handed out whenever no whole line is left of what was
/// read (the next read may wait for the producer), so that `tail -f log.jsonl | zylon-schema
/// validate --jsonl -` reports each line as it comes, while a fast producer still fills batches.
fn lines<F: FnMut(Batch) -> bool, R: Read>(
    name: Arc<str>,
    mut reader: BufReader<R>,
    live: bool,
    b: &mut Batcher<F>,
) -> bool {
    let head = match source_head(&mut reader) {
        Ok(head) => head,
        Err(e) => {
            let reason = e.to_string();
            return b.push(Item::Unreadable { name, reason });
        }
    };
    let encoding = lines_encoding(&head);
    let mut reader = std::io::Cursor::new(head).chain(reader);
    let mut number = 0usize;
    loop {
        let bytes = &mut b.batch.bytes;
        let start = bytes.len();
        match read_line(&mut reader, encoding, bytes) {
            Ok(0) => return true,
            Ok(_) => {
                number += 1;
                let (end, blank) = line_end(&bytes[start..], encoding);
                if blank {
                    bytes.truncate(start);
                } else {
                    bytes.truncate(start + end);
                    let range = start..bytes.len();
                    let item = Item::Body {
                        name: name.clone(),
                        line: Some(number),
                        range,
                    };
                    if !b.push(item) {
                        return false;
                    }
                }
                // (also after a blank line: `print(json.dumps(x) + "\n")` writes one after
                // each body)
                if live {
                    // Drained: no whole line is left in what was read (the next read may wait for
                    // the producer; a write that ends in part of the next line leaves that part).
                    // (what is left starts at a line's start: whole code units of the encoding)
                    let (head, rest) = reader.get_ref();
                    let buffered = rest.buffer();
                    let whole_line = match encoding.unit() {
                        // (`memchr`, as `read_until` finds it)
                        1 => buffered.contains(&b'\n'),
                        unit => buffered.chunks_exact(unit).any(|u| u == encoding.newline()),
                    };
                    let drained = head.position() >= head.get_ref().len() as u64 && !whole_line;
                    if drained {
                        b.flush();
                        if b.stopped {
                            return false;
                        }
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => bytes.truncate(start),
            Err(e) => {
                bytes.truncate(start);
                let reason = format!("{e} (after line {number})");
                return b.push(Item::Unreadable { name, reason });
            }
        }
    }
}

/// Where the body of a line that [`read_line`] read ends (before its `\n` or `\r\n`, as whole
/// code units of `encoding`), and whether it is blank (white space only). A last line that ends
/// in part of a code unit is a body, whole.
pub(crate) fn line_end(line: &[u8], encoding: Encoding) -> (usize, bool) {
    let unit = encoding.unit();
    let mut end = line.len();
    let whole = line.len().is_multiple_of(unit);
    if whole && line.ends_with(encoding.newline()) {
        end -= unit;
        if end >= unit && encoding.units(&line[end - unit..end]).eq([13]) {
            end -= unit;
        }
    }
    let blank = whole
        && encoding
            .units(&line[..end])
            .all(|u| matches!(u, 9 | 10 | 12 | 13 | 32));
    (end, blank)
}

/// The encoding a JSON Lines source is cut in, told from its first four bytes: UTF-16 or UTF-32
/// when they start with its byte order mark, or when (without one) their zero bytes say so
/// (`Encoding::of`, as the server tells a body's) and the code units they hold are ASCII, as
/// JSON text starts (`{`, white space); else UTF-8. (A UTF-8 log that starts with NUL bytes, as
/// a truncated file can, stays UTF-8: cut as UTF-32BE it would be one line.)
pub(crate) fn lines_encoding(head: &[u8]) -> Encoding {
    let encoding = Encoding::of(head);
    let bom = encoding.units(head).next() == Some(0xFEFF);
    let ascii = encoding.units(head).all(|u| (1..0x80).contains(&u));
    if encoding == Encoding::Utf8 || bom || ascii {
        encoding
    } else {
        Encoding::Utf8
    }
}

/// The first bytes of a JSON Lines source, which tell its encoding ([`lines_encoding`]): four,
/// or fewer at its end, or fewer when they already hold a whole UTF-8 line (a line feed, and
/// neither of the first two bytes zero nor a UTF-16 byte order mark: four bytes would tell
/// UTF-8 too), so that a live source whose first line is shorter than four bytes (`{}`) is
/// reported before the producer writes more.
fn source_head(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(4);
    while head.len() < 4 {
        let byte = match reader.fill_buf() {
            Ok(buf) => buf.first().copied(),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let Some(byte) = byte else { break };
        reader.consume(1);
        head.push(byte);
        let utf8_line = head.len() >= 2
            && head[0] != 0
            && head[1] != 0
            && !matches!(head[..2], [0xFF, 0xFE] | [0xFE, 0xFF])
            && head.contains(&b'\n');
        if utf8_line {
            break;
        }
    }
    Ok(head)
}

/// Up to `n` bytes from the start of `reader` (fewer only at its end).
fn first_bytes(reader: &mut impl BufRead, n: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    while head.len() < n {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        let take = buf.len().min(n - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
    }
    Ok(head)
}

/// Append one line of `reader`, with its line feed when it has one (in `encoding`: a `0x0A`
/// byte ends a line only as part of a whole line-feed code unit); the bytes appended, 0 at the
/// end.
pub(crate) fn read_line(
    reader: &mut impl BufRead,
    encoding: Encoding,
    out: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let start = out.len();
    let (unit, newline) = (encoding.unit(), encoding.newline());
    // (where the 0x0A byte is in the line-feed unit: first in little-endian order)
    let low_first = newline.first() == Some(&b'\n');
    loop {
        if reader.read_until(b'\n', out)? == 0 || out.last() != Some(&b'\n') {
            return Ok(out.len() - start);
        }
        let at = out.len() - 1 - start;
        if low_first && at.is_multiple_of(unit) {
            // the rest of the unit follows
            out.extend(first_bytes(reader, unit - 1)?);
        }
        let line = &out[start..];
        if line.len().is_multiple_of(unit) && line.ends_with(newline) {
            return Ok(line.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item, with the body of each body item.
    fn collect(sources: Vec<Source>) -> Vec<(Item, Vec<u8>)> {
        let mut all = Vec::new();
        produce(sources, |batch| {
            assert!(batch.items.len() <= BATCH_ITEMS);
            let bodies: Vec<Vec<u8>> = batch
                .items
                .iter()
                .map(|item| match item {
                    Item::Body { range, .. } => batch.body(range).to_vec(),
                    _ => Vec::new(),
                })
                .collect();
            all.extend(batch.items.into_iter().zip(bodies));
            true
        });
        all
    }

    #[test]
    fn jsonl_lines_are_numbered_and_blank_lines_skipped() {
        let dir = std::env::temp_dir().join(format!("zylon-inputs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.jsonl");
        std::fs::write(&path, "{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}").unwrap();
        let items = collect(vec![Source::File {
            name: Arc::from("a.jsonl"),
            path,
            jsonl: true,
        }]);
        let got: Vec<(Option<usize>, String)> = items
            .into_iter()
            .map(|(i, bytes)| match i {
                Item::Body { line, .. } => (line, String::from_utf8(bytes).unwrap()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), "{\"a\":1}".to_string()),
                (Some(4), "{\"b\":2}".to_string()),
                (Some(5), "{\"c\":3}".to_string())
            ]
        );
    }

    #[test]
    fn utf16_and_utf32_lines_are_cut_at_their_own_line_feeds() {
        let dir = std::env::temp_dir().join(format!("zylon-inputs-wide-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // U+0A0A and U+010A hold a 0x0A byte that is no line feed; U+2028 is no line end either
        let text = "\u{feff}{\"a\":\"\u{a0a}\u{10a}\"}\r\n\n \t\r\n{\"b\":\"\u{2028}\u{1F600}\"}\n{\"c\":3}";
        let want = [
            (1, "\u{feff}{\"a\":\"\u{a0a}\u{10a}\"}"),
            (4, "{\"b\":\"\u{2028}\u{1F600}\"}"),
            (5, "{\"c\":3}"),
        ];
        type Encode = fn(&str) -> Vec<u8>;
        let forms: [(&str, Encode); 4] = [
            ("16le", |t| {
                t.encode_utf16().flat_map(u16::to_le_bytes).collect()
            }),
            ("16be", |t| {
                t.encode_utf16().flat_map(u16::to_be_bytes).collect()
            }),
            ("32le", |t| {
                t.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect()
            }),
            ("32be", |t| {
                t.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect()
            }),
        ];
        for (form, encode) in forms {
            // with the byte order mark, and without (told by the zero bytes, as the server does)
            for text in [text, text.trim_start_matches('\u{feff}')] {
                let path = dir.join(format!("{form}.jsonl"));
                std::fs::write(&path, encode(text)).unwrap();
                let items = collect(vec![Source::File {
                    name: Arc::from("w.jsonl"),
                    path,
                    jsonl: true,
                }]);
                let got: Vec<(usize, Vec<u8>)> = items
                    .into_iter()
                    .map(|(i, bytes)| match i {
                        Item::Body { line, .. } => (line.unwrap(), bytes),
                        other => panic!("{other:?}"),
                    })
                    .collect();
                let bom = text.starts_with('\u{feff}');
                let want: Vec<(usize, Vec<u8>)> = want
                    .iter()
                    .map(|(n, t)| {
                        (
                            *n,
                            encode(if bom {
                                t
                            } else {
                                t.trim_start_matches('\u{feff}')
                            }),
                        )
                    })
                    .collect();
                assert_eq!(got, want, "{form}, mark {bom}");
            }
        }
    }

    #[test]
    fn a_reader_that_gives_one_byte_at_a_time_cuts_the_same_lines() {
        // (a pipe may hand over any number of bytes at a time)
        let text = "{\"a\":\"\u{a0a}\"}\r\n{\"b\":2}";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut reader = BufReader::with_capacity(1, std::io::Cursor::new(bytes.clone()));
        let head = first_bytes(&mut reader, 4).unwrap();
        assert_eq!(head, bytes[..4]);
        let encoding = Encoding::of(&head);
        assert_eq!(encoding, Encoding::Utf16Be);
        let mut reader = std::io::Cursor::new(head).chain(reader);
        let mut got = Vec::new();
        loop {
            let mut line = Vec::new();
            if read_line(&mut reader, encoding, &mut line).unwrap() == 0 {
                break;
            }
            got.push(line);
        }
        let be = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_be_bytes).collect() };
        assert_eq!(got, [be("{\"a\":\"\u{a0a}\"}\r\n"), be("{\"b\":2}")]);
    }

    /// The items of a JSON Lines file holding `bytes`: each body's line number and bytes.
    fn jsonl_items(name: &str, bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let dir = std::env::temp_dir().join(format!("zylon-inputs-odd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        collect(vec![Source::File {
            name: Arc::from(name),
            path,
            jsonl: true,
        }])
        .into_iter()
        .map(|(i, bytes)| match i {
            Item::Body { line, .. } => (line.unwrap(), bytes),
            other => panic!("{other:?}"),
        })
        .collect()
    }

    #[test]
    fn a_utf8_log_that_starts_with_nul_bytes_is_still_cut_at_each_line_feed() {
        // (what a truncated or `copytruncate`d log can start with: not UTF-32BE JSON)
        for (head, lines) in [(&b"\0\0\0\0"[..], 2), (b"\0\n", 3)] {
            let bytes = [head, b"{\"a\":1}\n{\"b\":2}\n"].concat();
            let got = jsonl_items("nul.jsonl", &bytes);
            assert_eq!(got.len(), lines, "{head:?}: {got:?}");
            assert_eq!(got.last().unwrap().1, b"{\"b\":2}", "{head:?}");
        }
        // a byte order mark decides whatever follows it
        let bom: Vec<u8> = "\u{feff}\u{e9}{}\n{}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let got = jsonl_items("bom.jsonl", &bom);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_short_head_tells_the_encoding_four_bytes_tell() {
        let utf16 = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let mut sources: Vec<Vec<u8>> = [
            &b"{}\n{}"[..],
            b"1\n2",
            b"\n\0{\0",
            b"\0\n\0{",
            b"\xFF\xFE\n\0",
            b"\xFE\xFF\0\n",
            b"\xFF\xFE\0\0\n\0\0\0",
            b"\xEF\xBB\xBF\n{}",
            b"{\n\0\0",
            b"ab\n",
        ]
        .iter()
        .map(|b| b.to_vec())
        .collect();
        sources.push(utf16("{}\n{}"));
        sources.push(utf16("\u{feff}\n{}"));
        for bytes in sources {
            let mut reader = BufReader::with_capacity(1, std::io::Cursor::new(bytes.clone()));
            let head = source_head(&mut reader).unwrap();
            assert!(bytes.starts_with(&head), "{bytes:?}");
            let four = bytes.get(..4).unwrap_or(&bytes);
            assert_eq!(
                lines_encoding(&head),
                lines_encoding(four),
                "{bytes:?}: head {head:?}"
            );
        }
        // a whole first line of three bytes is not held for a fourth
        let mut reader = BufReader::new(std::io::Cursor::new(b"{}\n{}".to_vec()));
        assert_eq!(source_head(&mut reader).unwrap(), b"{}\n");
    }

    #[test]
    fn a_last_line_that_ends_in_part_of_a_code_unit_is_a_body() {
        let utf16 = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        for tail in [&b"{"[..], b" \0{", b" \n\0\n"] {
            let bytes = [utf16("{\"a\":1}\n{\"b\":2}\n"), tail.to_vec()].concat();
            let got = jsonl_items("odd.jsonl", &bytes);
            assert_eq!(got.len(), 3, "{tail:?}: {got:?}");
            assert_eq!(
                got[2],
                (3, tail.to_vec()),
                "{tail:?}: kept whole, line feed included"
            );
        }
    }

    #[test]
    fn a_source_shorter_than_four_bytes_is_read_whole() {
        let mut b = Vec::new();
        let line = read_line(&mut std::io::Cursor::new(b"{}"), Encoding::Utf8, &mut b).unwrap();
        assert_eq!((line, b.as_slice()), (2, &b"{}"[..]));
        assert_eq!(
            first_bytes(&mut std::io::Cursor::new(b"ab"), 4).unwrap(),
            b"ab"
        );
    }

    #[test]
    fn batches_are_bounded_and_stop_on_request() {
        let sources: Vec<Source> = (0..2500)
            .map(|i| Source::Unreadable {
                name: Arc::from(format!("f{i}").as_str()),
                reason: String::new(),
            })
            .collect();
        let mut sizes = Vec::new();
        produce(sources.clone(), |batch| {
            sizes.push(batch.items.len());
            true
        });
        assert_eq!(sizes, [1024, 1024, 452]);
        let mut calls = 0;
        produce(sources, |_| {
            calls += 1;
            false
        });
        assert_eq!(calls, 1);
    }
}

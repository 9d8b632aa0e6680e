//! An incremental `text/event-stream` decoder: feed byte chunks split anywhere (inside a UTF-8
//! character, between CR and LF), get complete events out.
//!
//! Framing follows the HTML standard: lines end in CR, LF or CRLF; `:` starts a comment; fields
//! `event`, `data` (several lines joined by `\n`), `id` and `retry`; a blank line dispatches;
//! one leading space after the colon is removed; a leading BOM is ignored.

/// One dispatched server-sent event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    /// The `event:` name, when given.
    pub event: Option<String>,
    /// The data lines joined by `\n`.
    pub data: String,
    /// The last `id:` seen (persists across events, as in browsers).
    pub id: Option<String>,
    /// A `retry:` value in milliseconds, when given in this event.
    pub retry: Option<u64>,
}

/// Incremental decoder state.
#[derive(Debug, Default)]
pub struct SseDecoder {
    buf: Vec<u8>,
    skip_lf: bool,
    started: bool,
    event: Option<String>,
    data: String,
    has_data: bool,
    id: Option<String>,
    retry: Option<u64>,
    /// Lines that were not valid UTF-8 (decoded lossily).
    pub invalid_utf8_lines: usize,
}

impl SseDecoder {
    /// A new decoder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feed a chunk; returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        let mut rest = chunk;
        // A CR ended the previous chunk: a LF starting this one belongs to the same line end.
        if self.skip_lf && !chunk.is_empty() {
            self.skip_lf = false;
            if rest[0] == b'\n' {
                rest = &rest[1..];
            }
        }
        while let Some(pos) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            let (line, tail) = rest.split_at(pos);
            let cr = tail[0] == b'\r';
            rest = &tail[1..];
            if cr {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    None => self.skip_lf = true,
                    Some(_) => {}
                }
            }
            if self.buf.is_empty() {
                self.line(line, &mut out);
            } else {
                self.buf.extend_from_slice(line);
                let full = std::mem::take(&mut self.buf);
                self.line(&full, &mut out);
            }
        }
        self.buf.extend_from_slice(rest);
        out
    }

    /// End of input: an unterminated last line and a pending event (no blank line after it) are
    /// dispatched too. Returns the events and whether the stream ended mid-event.
    pub fn finish(&mut self) -> (Vec<SseEvent>, bool) {
        let mut out = Vec::new();
        if !self.buf.is_empty() {
            let full = std::mem::take(&mut self.buf);
            self.line(&full, &mut out);
        }
        let unterminated = self.has_data || self.event.is_some();
        if unterminated {
            self.line(b"", &mut out);
        }
        (out, unterminated)
    }

    fn line(&mut self, raw: &[u8], out: &mut Vec<SseEvent>) {
        let mut raw = raw;
        if !self.started {
            self.started = true;
            raw = raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw);
        }
        if raw.is_empty() {
            if self.has_data || self.event.is_some() {
                let mut data = std::mem::take(&mut self.data);
                if data.ends_with('\n') {
                    data.pop();
                }
                out.push(SseEvent {
                    event: self.event.take(),
                    data,
                    id: self.id.clone(),
                    retry: self.retry.take(),
                });
            }
            self.has_data = false;
            self.event = None;
            return;
        }
        let line = match std::str::from_utf8(raw) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => {
                self.invalid_utf8_lines += 1;
                String::from_utf8_lossy(raw)
            }
        };
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match zylon_json::split_once_byte(&line, b':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line.as_ref(), ""),
        };
        match field {
            "event" => self.event = Some(value.to_string()),
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
                self.has_data = true;
            }
            "id" if !value.bytes().any(|b| b == 0) => self.id = Some(value.to_string()),
            "retry" => self.retry = value.parse().ok(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(chunks: &[&[u8]]) -> Vec<SseEvent> {
        let mut d = SseDecoder::new();
        let mut out: Vec<SseEvent> = chunks.iter().flat_map(|c| d.push(c)).collect();
        out.extend(d.finish().0);
        out
    }

    #[test]
    fn framing_line_endings_comments_and_multiline_data() {
        let text = b"\xEF\xBB\xBF: comment\r\nevent: a\r\ndata: one\r\ndata:two\r\n\r\ndata: x\rid: 7\r\rdata: {}\n\n";
        let ev = decode_all(&[text]);
        assert_eq!(ev.len(), 3);
        assert_eq!(
            ev[0],
            SseEvent {
                event: Some("a".into()),
                data: "one\ntwo".into(),
                id: None,
                retry: None
            }
        );
        assert_eq!(ev[1].data, "x");
        assert_eq!(ev[1].id.as_deref(), Some("7"));
        assert_eq!(
            ev[2],
            SseEvent {
                event: None,
                data: "{}".into(),
                id: Some("7".into()),
                retry: None
            }
        );
    }

    #[test]
    fn any_split_gives_the_same_events() {
        let text = "event: message_start\r\ndata: {\"t\":\"é😀\"}\r\n\r\ndata: b\n\n".as_bytes();
        let whole = decode_all(&[text]);
        for i in 0..text.len() {
            for j in i..text.len() {
                let parts = [&text[..i], &text[i..j], &text[j..]];
                assert_eq!(decode_all(&parts), whole, "split at {i},{j}");
            }
        }
    }

    #[test]
    fn unterminated_final_event_is_flagged() {
        let mut d = SseDecoder::new();
        assert!(d.push(b"data: last").is_empty());
        let (ev, unterminated) = d.finish();
        assert!(unterminated);
        assert_eq!(ev[0].data, "last");
    }
}

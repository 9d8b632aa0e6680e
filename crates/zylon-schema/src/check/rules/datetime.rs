//! Dates and times as pydantic reads them (the blocks' `start_timestamp`/`stop_timestamp`).

/// Whether a number is a unix time pydantic takes: seconds, or milliseconds above 2·10¹⁰,
/// between the years 1 and 9999.
pub(super) fn unix_time_in_range(x: f64) -> bool {
    (-62_135_596_800_000.0..=253_402_300_799_999.0).contains(&x)
}

/// Whether `s` parses as a date-time the way pydantic does (ISO-8601 date or date-time, or a Unix timestamp).
pub(super) fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    // a unix time written as a decimal number (not `1e10`)
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = zylon_json::split_once_byte(unsigned, b'.').unwrap_or((unsigned, "0"));
    if !int.is_empty()
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.bytes().all(|c| c.is_ascii_digit())
    {
        return zylon_json::parse_float(s).is_some_and(unix_time_in_range);
    }
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return false;
    }
    let (month, day) = (num(5..7), num(8..10));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !matches!(b[10], b'T' | b't' | b' ' | b'_') {
        return false;
    }
    let rest = &s[11..];
    let rb = rest.as_bytes();
    let d2 = |i: usize| {
        rb.get(i..i + 2)
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if !(d2(0) && rb.get(2) == Some(&b':') && d2(3)) {
        return false;
    }
    let (h, m) = (
        rest[0..2].parse::<u32>().unwrap_or(99),
        rest[3..5].parse::<u32>().unwrap_or(99),
    );
    if h > 23 || m > 59 {
        return false;
    }
    let mut i = 5;
    if rb.get(i) == Some(&b':') {
        if !d2(i + 1) || rest[i + 1..i + 3].parse::<u32>().unwrap_or(99) > 59 {
            return false;
        }
        i += 3;
        if matches!(rb.get(i), Some(b'.' | b',')) {
            let start = i + 1;
            i = start;
            while rb.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &rest[i..] {
        "" | "Z" | "z" => true,
        tz => {
            let t = tz.as_bytes();
            matches!(t.first(), Some(b'+' | b'-'))
                && ((t.len() == 6
                    && t[3] == b':'
                    && t[1..3].iter().chain(&t[4..6]).all(u8::is_ascii_digit))
                    || (t.len() == 5 && t[1..].iter().all(u8::is_ascii_digit))
                    || (t.len() == 3 && t[1..].iter().all(u8::is_ascii_digit)))
        }
    }
}

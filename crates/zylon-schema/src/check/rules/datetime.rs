//! Dates and times as pydantic reads them (the blocks' `start_timestamp`/`stop_timestamp`).

/// Whether a number is a unix time pydantic takes: seconds, or milliseconds above 2·10¹⁰,
/// between the years 1 and 9999.
pub(super) fn unix_time_in_range(x: f64) -> bool {
    (-62_135_596_800_000.0..=253_402_300_799_999.0).contains(&x)
}

/// Whether `s` parses as a date-time the way pydantic does (ISO-8601 date or date-time, or a
/// Unix timestamp), as measured on the server oracle: real calendar days (no 30 February, 29
/// February in leap years only), no year 0, offsets `±HH:MM`/`±HHMM` under 24 hours, and
/// timestamps written `+1`, `.5` or `1.`.
pub(super) fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    // A unix time written as a decimal number: a sign (`+` too), digits and at most one point,
    // with a digit on either side (`+1`, `.5`, `1.`, `-00`; not `.`, `1e10`, ` 1` or `1_0`).
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = zylon_json::split_once_byte(unsigned, b'.').unwrap_or((unsigned, ""));
    if !(int.is_empty() && frac.is_empty())
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
    // a day of the month of the Gregorian calendar; no year 0 (Python's `datetime` starts at 1)
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if year == 0 || !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
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
        // an offset `±HH:MM` or `±HHMM`, under 24 hours (not `±HH`)
        tz => {
            // (bytes, not `str` slices: the text may hold any character there)
            let t = tz.as_bytes();
            let minutes_at = match t.len() {
                6 if t[3] == b':' => 4,
                5 => 3,
                _ => return false,
            };
            let two = |i: usize| match t.get(i..i + 2) {
                Some(&[a @ b'0'..=b'9', b @ b'0'..=b'9']) => {
                    Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
                }
                _ => None,
            };
            matches!(t.first(), Some(b'+' | b'-'))
                && two(1).is_some_and(|h| h <= 23)
                && two(minutes_at).is_some_and(|m| m <= 59)
        }
    }
}

/// The days of `month` (1 to 12) of `year` in the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

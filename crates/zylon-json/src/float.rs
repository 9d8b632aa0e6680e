//! Decimal text to `f64` for the WebAssembly build (`wasm32-unknown-unknown`, run by a
//! JavaScript host): the same grammar and the same answer as `f64::from_str` (correctly
//! rounded, ties to even), without core's parser, whose table of 128-bit powers of five is
//! 10.4 KB of data that gzip cannot shrink.
//!
//! Numbers of up to 15 significant digits with a power of ten within ±22 (`0.7`, `1e-3`, `42.5`:
//! nearly every number of a request) take the exact fast path (Clinger: both operands exact, one
//! rounding). Up to 19 digits with a power of ten within ±22 (most long floats), the float is
//! found next to an estimate by exact comparisons with halfway points in u128. Others, rare in
//! request bodies, are read by the host's `Number`, which ECMAScript requires to round
//! correctly, from their digits and exponent written out plainly (`1234567890123456789012e-40`),
//! so no grammar but this module's reaches it. That replaced this module's big integers (2.3 KB
//! of the gzipped module); the host call costs about 0.3 µs a number. Elsewhere the last step is
//! `f64::from_str` on the same text, which is how the tests below check all of it natively.

use std::cmp::Ordering;

/// Exact powers of ten in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; the rest only say whether they are all zero. 767 digits decide the
/// rounding of any `f64`, so a nonzero digit past 800 never lands on a halfway point.
const MAX_DIGITS: usize = 800;

/// `s` as `f64`, or `None` where `f64::from_str` gives an error (same grammar: an optional sign,
/// `inf`, `infinity` or `nan` in any case, or digits with an optional `.` and exponent).
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, rest) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let v = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        finite(rest)?
    };
    Some(if neg { -v } else { v })
}

/// A decimal number without sign: `digits × 10^exp`.
struct Decimal {
    /// Significant digits, 0–9, without leading or trailing zeros.
    digits: Vec<u8>,
    exp: i64,
}

fn finite(b: &[u8]) -> Option<f64> {
    let d = decimal(b)?;
    let n = d.digits.len() as i64;
    if n == 0 {
        return Some(0.0);
    }
    // value < 10^(n+exp): below half the smallest subnormal (2.5e-324) when n+exp <= -324.
    if n + d.exp <= -324 {
        return Some(0.0);
    }
    // value >= 10^(n+exp-1) >= 1e309 > f64::MAX.
    if n + d.exp >= 310 {
        return Some(f64::INFINITY);
    }
    if n <= 15 && (-22..=22).contains(&d.exp) {
        let m = integer(&d.digits) as f64;
        let p = POW10[d.exp.unsigned_abs() as usize];
        return Some(if d.exp < 0 { m / p } else { m * p });
    }
    Some(slow(&d))
}

/// The integer of up to 19 decimal digits.
fn integer(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |m, &c| m * 10 + u64::from(c))
}

/// Parse the digits, fraction and exponent (`None`: not the grammar).
fn decimal(b: &[u8]) -> Option<Decimal> {
    let mut digits = Vec::new();
    let (mut exp, mut any, mut sticky) = (0i64, false, false);
    let mut i = 0;
    let mut push = |c: u8, fraction: bool, exp: &mut i64| {
        if fraction {
            *exp -= 1;
        }
        if digits.is_empty() && c == b'0' {
            return;
        }
        if digits.len() < MAX_DIGITS {
            digits.push(c - b'0');
        } else {
            sticky |= c != b'0';
            *exp += 1;
        }
    };
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        push(c, false, &mut exp);
        any = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            push(c, true, &mut exp);
            any = true;
            i += 1;
        }
    }
    if !any {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e = 0i64;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturates far beyond any finite or nonzero result.
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if neg { -e } else { e };
    }
    if i != b.len() {
        return None;
    }
    if sticky {
        // A nonzero digit past the kept ones: the value lies strictly inside, never on a
        // halfway point, and compares with every float as the whole number does.
        digits.push(1);
        exp -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp += 1;
    }
    Some(Decimal { digits, exp })
}

/// The float nearest `d` (ties to even): for up to 19 digits with a power of ten within ±22
/// (most long floats: `0.1 + 0.2` printed is `0.30000000000000004`) by exact comparisons in
/// u128 from an estimate; beyond, read from its digits and exponent written out plainly.
fn slow(d: &Decimal) -> f64 {
    if d.digits.len() > 19 || !(-22..=22).contains(&d.exp) {
        let mut text = String::with_capacity(d.digits.len() + 8);
        text.extend(d.digits.iter().map(|&c| char::from(b'0' + c)));
        // (no `i64` formatting from core in the module for this one exponent; `finite` bounds
        // it to a few thousand)
        text.push_str(if d.exp < 0 { "e-" } else { "e" });
        crate::push_decimal(&mut text, d.exp.unsigned_abs() as usize);
        return exact(&text);
    }
    let v = Exact::new(d);
    // The digits scaled by an exact power of ten: within a few units in the last place (two
    // roundings at most).
    let m = integer(&d.digits) as f64;
    let p = POW10[d.exp.unsigned_abs() as usize];
    let mut b = (if d.exp < 0 { m / p } else { m * p }).to_bits();
    // Walk to the nearest float: usually no step or one, each an exact comparison with the
    // halfway point to a neighbour (the value is below 1e42, so `b` stays finite).
    loop {
        if b > 0 && !v.rounds_up_from(b - 1) {
            b -= 1;
        } else if v.rounds_up_from(b) {
            b += 1;
        } else {
            return f64::from_bits(b);
        }
    }
}

/// A non-negative finite float's bits as `m × 2^e` (`m` < 2^53).
fn parts(bits: u64) -> (u64, i64) {
    let exp = (bits >> 52) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

/// A decimal of up to 19 digits with a power of ten within ±22 as `l × 2^exp / r5` in u128
/// (`l < 2^116`, `r5 < 2^52`), for exact comparisons with `m × 2^e`.
struct Exact {
    l: u128,
    r5: u128,
    exp: i64,
}

impl Exact {
    fn new(d: &Decimal) -> Self {
        let v = u128::from(integer(&d.digits));
        let p5 = 5u128.pow(d.exp.unsigned_abs() as u32);
        let (l, r5) = if d.exp >= 0 { (v * p5, 1) } else { (v, p5) };
        Exact { l, r5, exp: d.exp }
    }

    /// Whether the float nearest the value is above the float `bits` rather than at or below
    /// it: the value is above their halfway point, or on it with `bits` odd (ties to even).
    fn rounds_up_from(&self, bits: u64) -> bool {
        let (m, e) = parts(bits);
        // l × 2^exp <=> (2m + 1) × r5 × 2^(e - 1)  (the right side is below 2^107)
        match cmp_shifted(self.l, self.exp, self.r5 * u128::from(2 * m + 1), e - 1) {
            Ordering::Greater => true,
            Ordering::Equal => m % 2 == 1,
            Ordering::Less => false,
        }
    }
}

/// `l × 2^x` against `r × 2^y`.
fn cmp_shifted(l: u128, x: i64, r: u128, y: i64) -> Ordering {
    if l == 0 || r == 0 {
        return l.cmp(&r);
    }
    if x >= y {
        cmp_shl(l, x - y, r)
    } else {
        cmp_shl(r, y - x, l).reverse()
    }
}

/// `a × 2^s` against `b`: greater when the shift leaves u128 (then it is at least 2^128).
fn cmp_shl(a: u128, s: i64, b: u128) -> Ordering {
    match u32::try_from(s).ok().and_then(|s| a.checked_shl(s)) {
        Some(shifted) if shifted >> s == a => shifted.cmp(&b),
        _ => Ordering::Greater,
    }
}

/// The correctly rounded float of `text` (digits, `e`, an exponent): the host's `Number`.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn exact(text: &str) -> f64 {
    host::number(text)
}

/// The correctly rounded float of `text` (digits, `e`, an exponent).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn exact(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// JavaScript's global `Number` called as a function: text to the nearest float.
        #[wasm_bindgen(js_name = Number)]
        pub(super) fn number(text: &str) -> f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(s: &str) {
        let ours = parse_f64(s);
        let std = s.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (a, b) => assert_eq!(
                a.map(f64::to_bits),
                b.map(f64::to_bits),
                "{s:?}: ours {a:?}, std {b:?}"
            ),
        }
    }

    /// Hard cases: halfway points, subnormals, the edges of the range, long digit strings,
    /// the grammar's corners.
    #[test]
    fn agrees_with_f64_from_str_on_hard_cases() {
        for s in [
            "0", "-0", "+0", "0.0", "1", "0.7", "1e-3", "42.5", "1.", ".5", ".", "", "-", "+",
            "e5", "1e", "1e+", "1e-", "1e+5", "1E5", "--1", "+-1", " 1", "1 ", "1_0", "0x10",
            "inf", "-INF", "+Infinity", "infinit", "nan", "NaN", "-nan", "1e309", "1e308",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999",
            "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324", "5e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-324", "3e-324",
            "9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
            "0.30000000000000004", "0.1", "123456789012345678901234567890e-20",
            "1e400", "1e-400", "0e999999999", "1e99999999999999999999", "1e-99999999999999",
            "7.2057594037927933e16", "4.35679114465e-310", "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "0.000000000000000000000000000000000000000000001e+20",
        ] {
            same(s);
        }
        let long = format!("0.{}1", "0".repeat(900));
        same(&long);
        let many = format!("1{}e-1000", "0".repeat(1000));
        same(&many);
        let sticky = format!(
            "1.00000000000000011102230246251565404236316680908203125{}1",
            "0".repeat(900)
        );
        same(&sticky);
    }

    proptest! {
        /// Decimals of 16 to 19 digits with a power of ten within ±22 (found by the u128
        /// comparisons, not the host), and exact halfway points between floats written with
        /// at most 19 digits (`(2m + 1) × 2^k` for small `m`, where ties to even decide).
        #[test]
        fn agrees_on_long_decimals_in_the_u128_range(
            digits in "[1-9][0-9]{15,18}",
            exp in -22i64..=22,
            m in 0u64..(1 << 10),
            k in -16i32..30,
        ) {
            same(&format!("{digits}e{exp}"));
            let odd = u128::from(2 * m + 1);
            let halfway = if k >= 0 {
                format!("{}", odd << k)
            } else {
                format!("{}e-{}", odd * 5u128.pow(k.unsigned_abs()), k.unsigned_abs())
            };
            same(&halfway);
        }

        /// Random decimal numbers of every length and exponent agree bit for bit.
        #[test]
        fn agrees_with_f64_from_str(
            int in "[0-9]{0,25}",
            frac in proptest::option::of("[0-9]{0,25}"),
            exp in proptest::option::of(-340i32..340),
            sign in prop::sample::select(vec!["", "-", "+"]),
        ) {
            let mut s = format!("{sign}{int}");
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some(e) = exp {
                s.push_str(&format!("e{e}"));
            }
            same(&s);
        }

        /// The bits of random floats, printed shortest, in exponent form, and with 17 and 800
        /// digits, read back as std reads them (halfway points: the next test).
        #[test]
        fn reads_back_printed_floats(bits in 0u64..0x7FF0_0000_0000_0000) {
            let x = f64::from_bits(bits);
            same(&format!("{x}"));
            same(&format!("{x:e}"));
            same(&format!("{x:.17e}"));
            same(&format!("{x:.800e}"));
        }

        /// Exact halfway points between neighbouring floats (where ties to even decides), and
        /// the decimals just above and below them, for floats whose midpoint `(2m+1) × 2^k`
        /// can be written exactly with a u128 (k from -25 to 73).
        #[test]
        fn rounds_halfway_points_as_std_does(m in 0u64..(1 << 53), k in -25i32..74) {
            let odd = u128::from(2 * m + 1);
            let (num, scale) = if k >= 0 {
                (odd << k, 0)
            } else {
                (odd * 5u128.pow(k.unsigned_abs()), k.unsigned_abs())
            };
            same(&format!("{num}e-{scale}"));
            same(&format!("{num}00001e-{}", scale + 5));
            same(&format!("{}99999e-{}", num - 1, scale + 5));
        }

        /// Any short text over the grammar's alphabet: the same answer, `None` included.
        #[test]
        fn agrees_on_any_text(s in "[0-9.eE+\\-infatyINFATY]{0,12}") {
            same(&s);
        }
    }
}

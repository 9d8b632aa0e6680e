//! A number as messages write it: `f64` to the shortest decimal text that reads back as the
//! same number, laid out as serde_json writes a float (`0.1`, `0.00001`, `1e-7`, `1.5e+16`,
//! `2500000000000000.0`), whole numbers below 10^15 as integers.
//!
//! Small rather than fast: messages quote a number now and then (a `temperature` out of range),
//! and serde_json's writer (the zmij crate and its tables of powers of ten) with core's integer
//! formatting was 2.4 KB of the gzipped WebAssembly module; this is 1.2 KB of it (in this crate
//! for its size-optimised build: at `zylon_json`'s opt-level 3 it was 6 KB raw). The exact
//! decimal expansion of the float (a big integer, at most 767 digits) is rounded to 1, 2, … 17
//! significant digits, and the first rounding that [`zylon_json::parse_float`] (correctly
//! rounded, ties to even) reads back as the float is the answer, or its neighbour in the last
//! digit when the float's rounding interval holds that one instead: the digits of the
//! shortest-form algorithms (Ryu, Dragonbox, zmij), which the tests check against serde_json.

/// `x` as a message writes a number: a whole number below 10^15 as an integer (`-3`), any other
/// in the shortest form that reads back as `x`, with serde_json's layout: plain decimals for
/// exponents from -5 to 15 (a whole number ends in `.0`), otherwise `d.ddde±k`.
pub(crate) fn num(x: f64) -> String {
    let mut s = String::new();
    push_number(&mut s, x);
    s
}

/// [`num`] onto `out`.
fn push_number(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("a non-finite number");
        return;
    }
    // (`-0.0` is whole, and written `0` as `i64` wrote it)
    if x < 0.0 {
        out.push('-');
    }
    let x = x.abs();
    if x == 0.0 {
        out.push('0');
        return;
    }
    let whole = x.fract() == 0.0 && x < 1e15;
    let (exact, point) = exact_digits(x);
    if whole {
        return push_digits(out, &exact, point as usize, false);
    }
    let (digits, point) = shortest_digits(exact, point, x);
    let k = point - 1; // the exponent of `d.ddd × 10^k`
    if (-5..=15).contains(&k) {
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
            push_digits(out, &digits, digits.len(), false);
        } else {
            push_digits(out, &digits, point as usize, true);
        }
        return;
    }
    push_digits(out, &digits, 1, false);
    out.push_str(if k < 0 { "e-" } else { "e+" });
    zylon_json::push_decimal(out, k.unsigned_abs() as usize);
}

/// Write `digits` with a decimal point after the first `int` of them, padded with zeros up to
/// `int` (none when `int` is their number); with `point_zero`, a whole number (`int` at or past
/// the last digit) ends in `.0`.
fn push_digits(out: &mut String, digits: &[u8], int: usize, point_zero: bool) {
    for i in 0..digits.len().max(int) {
        if i == int {
            out.push('.');
        }
        out.push(char::from(*digits.get(i).unwrap_or(&b'0')));
    }
    if point_zero && int >= digits.len() {
        out.push_str(".0");
    }
}

/// The significant digits (ASCII) and point (the value is `0.DIGITS × 10^point`) of the shortest
/// text that reads back as `x`, whose exact expansion they are given.
fn shortest_digits(exact: Vec<u8>, point: i32, x: f64) -> (Vec<u8>, i32) {
    for p in 1..exact.len().min(18) {
        let mut c = exact[..p].to_vec();
        // half to even on the exact digits
        let next = exact[p];
        let odd = c[p - 1] % 2 == 1;
        let up =
            next > b'5' || (next == b'5' && (exact[p + 1..].iter().any(|&d| d != b'0') || odd));
        let cp = if up { add_one(&mut c, point) } else { point };
        if reads_back(&c, cp, x) {
            return (c, cp);
        }
        // The float's rounding interval may hold the p-digit decimal on the other side of the
        // nearest one instead (at most one of the two: the interval is convex).
        let below = sub_one(&c, cp);
        let ap = add_one(&mut c, cp);
        for (d, dp) in [(c, ap), below] {
            if reads_back(&d, dp, x) {
                return (d, dp);
            }
        }
    }
    (exact, point)
}

/// Whether `0.DIGITS × 10^point` reads back as `x`.
fn reads_back(digits: &[u8], point: i32, x: f64) -> bool {
    let mut s = String::from("0.");
    push_digits(&mut s, digits, digits.len(), false);
    s.push_str(if point < 0 { "e-" } else { "e" });
    zylon_json::push_decimal(&mut s, point.unsigned_abs() as usize);
    zylon_json::parse_float(&s) == Some(x)
}

/// `digits + 1` in the last place, in place; returns the point, moved by a carry out of the
/// first digit (`0.99 + 0.01 = 0.10 × 10^1`).
fn add_one(digits: &mut [u8], point: i32) -> i32 {
    for c in digits.iter_mut().rev() {
        if *c < b'9' {
            *c += 1;
            return point;
        }
        *c = b'0';
    }
    if let Some(first) = digits.first_mut() {
        *first = b'1';
    }
    point + 1
}

/// `digits - 1` in the last place (the digits are not all zero); below `0.100 × 10^point` the
/// grid of as many digits is ten times finer: `0.999 × 10^(point - 1)`.
fn sub_one(digits: &[u8], point: i32) -> (Vec<u8>, i32) {
    let mut d = digits.to_vec();
    for c in d.iter_mut().rev() {
        if *c > b'0' {
            *c -= 1;
            break;
        }
        *c = b'9';
    }
    if d.first() == Some(&b'0') {
        return (vec![b'9'; d.len()], point - 1);
    }
    (d, point)
}

/// The exact decimal expansion of `x` (finite, > 0): its digits (ASCII, no leading or trailing
/// zero) and point, `x = 0.DIGITS × 10^point`.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let exp_bits = (bits >> 52) as i32; // (the sign bit is clear)
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    // x = m × 2^e: the integer m × 2^e, or (e < 0) m × 5^-e × 10^e; 32-bit limbs, lowest first
    let mut big = vec![m as u32, (m >> 32) as u32];
    for _ in 0..e.unsigned_abs() {
        let mut carry = 0u64;
        for limb in big.iter_mut() {
            let v = u64::from(*limb) * if e < 0 { 5 } else { 2 } + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            big.push(carry as u32);
        }
    }
    // the decimal digits, lowest first, then turned
    let mut digits = Vec::new();
    while big.iter().any(|&l| l != 0) {
        let mut rem = 0u64;
        for limb in big.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*limb);
            *limb = (v / 10) as u32;
            rem = v % 10;
        }
        digits.push(b'0' + rem as u8);
    }
    digits.reverse();
    let point = digits.len() as i32 + e.min(0);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point)
}

#[cfg(test)]
mod tests {
    use super::{add_one, num, sub_one};

    #[test]
    fn neighbours_cross_a_power_of_ten() {
        // 0.100 × 10^3 = 100: one below is 99.9, one above 101; 0.999 × 10^3 + 1 = 1000
        assert_eq!(sub_one(b"100", 3), (b"999".to_vec(), 2));
        assert_eq!(sub_one(b"120", 3), (b"119".to_vec(), 3));
        let mut d = *b"100";
        assert_eq!((add_one(&mut d, 3), &d), (3, b"101"));
        let mut d = *b"999";
        assert_eq!((add_one(&mut d, 3), &d), (4, b"100"));
    }

    #[test]
    fn writes_as_serde_json_does() {
        for (x, want) in [
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-1.5, "-1.5"),
            (1e-5, "0.00001"),
            (1.5000000000000002e-5, "0.000015000000000000002"),
            (1e-6, "1e-6"),
            (1.5e-7, "1.5e-7"),
            (1e15, "1000000000000000.0"),
            (-2.0, "-2"),
            (-0.0, "0"),
            (999_999_999_999_999.0, "999999999999999"),
            (9007199254740992.0, "9007199254740992.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1.2345678901234568e20, "1.2345678901234568e+20"),
            (2.0 / 3.0, "0.6666666666666666"),
            (999999999999999.9, "999999999999999.9"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (0.3, "0.3"),
            (100.25, "100.25"),
        ] {
            assert_eq!(num(x), want, "{x:e}");
        }
    }

    #[test]
    fn reads_back_as_the_same_float() {
        // 9,973 bit patterns spread over of the finite positive floats, and the neighbours of powers
        // of two (where the rounding interval is lopsided)
        let mut xs: Vec<f64> = (0..0x7ff0_0000_0000_0000u64)
            .step_by(0x7ff0_0000_0000_0000 / 9_973)
            .map(f64::from_bits)
            .collect();
        for e in -1074i64..1024 {
            let bits = if e >= -1022 {
                ((e + 1023) as u64) << 52
            } else {
                1u64 << (e + 1074)
            };
            xs.extend([bits, bits + 1, bits - 1].map(f64::from_bits));
        }
        for x in xs.into_iter().filter(|x| x.is_finite() && *x > 0.0) {
            let s = num(x);
            assert_eq!(s.parse::<f64>(), Ok(x), "{s} for {x:e}");
        }
    }

    /// What `num` wrote before: `i64`'s `Display`, or serde_json's float writer.
    fn serde_num(x: f64) -> String {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            return (x as i64).to_string();
        }
        serde_json::Number::from_f64(x)
            .map_or_else(|| "a non-finite number".to_string(), |n| n.to_string())
    }

    #[test]
    fn numbers_read_as_serde_json_writes_them() {
        let mut xs: Vec<f64> = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            100.0,
            1e15,
            -1e15,
            999_999_999_999_999.0,
            1_000_000_000.0,
            999_999_999.0,
            1_000_000_001.0,
            1e16,
            1e300,
            5e-324,
            1e-7,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        // what requests hold: hundredths and thousandths, sampling values out of range
        xs.extend((-3000..3000).map(|k| f64::from(k) / 100.0));
        xs.extend((0..2000).map(|k| f64::from(k) / 1000.0 + 1.0));
        // 4,999 bit patterns spread over all floats, and both signs of each
        let step = u64::MAX / 4_999;
        xs.extend((0..4_999u64).map(|k| f64::from_bits(k * step)));
        // every power of two, where a float's rounding interval is lopsided (half as wide below)
        xs.extend((1..2047u64).map(|e| f64::from_bits(e << 52)));
        for x in xs {
            assert_eq!(num(x), serde_num(x), "{x:e}");
        }
    }
}

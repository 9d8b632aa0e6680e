//! Numbers and serde errors in the words of a message.

/// A serde_json error in a few words with its position. (Not its `Display`, which formats
/// floats through core's float printer: that alone costs the wasm build ~15 KB.)
pub fn json_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Eof => "unexpected end of input",
        serde_json::error::Category::Data => "a value of the wrong type",
        serde_json::error::Category::Io => "read error",
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

/// A number for a message: whole numbers without a fraction, others in shortest form (as
/// serde_json writes them; [`super::shortest::push_number`], 2.4 KB of gzipped WebAssembly
/// smaller than serde_json's writer and core's integer formatting).
pub(crate) fn num(x: f64) -> String {
    let mut s = String::new();
    super::shortest::push_number(&mut s, x);
    s
}

#[cfg(test)]
mod tests {
    use super::num;

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

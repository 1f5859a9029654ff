//! Key layout of the sled trees.
//!
//! Keys sort the way the data is read: a year first (so a year loads by prefix), then the unit
//! code, a NUL separator and the SS/IKU code (so records come out in (unit, code) order, the
//! order of `CodeRef`). The year is 4 bytes big-endian with the sign bit flipped, so years sort
//! numerically; addendum versions and audit sequence numbers are big-endian integers.
//!
//! [`display`] turns any key back into the readable `tree/2025/unit/code` form used in
//! messages and `verify` reports.

/// Separator between the unit code and the code inside a key. Codes never contain it.
pub const SEP: u8 = 0;

pub fn year(year: i32) -> [u8; 4] {
    ((year as u32) ^ 0x8000_0000).to_be_bytes()
}

pub fn year_from(bytes: &[u8]) -> Option<i32> {
    let b: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    Some((u32::from_be_bytes(b) ^ 0x8000_0000) as i32)
}

/// Key of a unit: year + unit code.
pub fn unit(y: i32, unit: &str) -> Vec<u8> {
    let mut k = year(y).to_vec();
    k.extend_from_slice(unit.as_bytes());
    k
}

/// Prefix of everything of one unit in the `ss`, `iku` and `addenda` trees.
pub fn unit_prefix(y: i32, unit: &str) -> Vec<u8> {
    let mut k = self::unit(y, unit);
    k.push(SEP);
    k
}

/// Key of an SS or IKU: year + unit + SEP + code.
pub fn code(y: i32, unit: &str, code: &str) -> Vec<u8> {
    let mut k = unit_prefix(y, unit);
    k.extend_from_slice(code.as_bytes());
    k
}

/// Key of an addendum: year + unit + SEP + version (big-endian).
pub fn addendum(y: i32, unit: &str, version: u32) -> Vec<u8> {
    let mut k = unit_prefix(y, unit);
    k.extend_from_slice(&version.to_be_bytes());
    k
}

/// Key of an audit entry: its sequence number, big-endian, so a reverse scan is newest first.
pub fn audit(seq: u64) -> [u8; 8] {
    seq.to_be_bytes()
}

pub fn audit_seq(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.try_into().ok()?))
}

/// The parts of a year/unit/code key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub year: i32,
    pub unit: String,
    /// The code after the separator (for addenda: the 4 version bytes), when present.
    pub rest: Option<Vec<u8>>,
}

/// Splits a year/unit[/code] key; `None` when it is not one.
pub fn split(bytes: &[u8]) -> Option<Parts> {
    let year = year_from(bytes)?;
    let tail = &bytes[4..];
    let (unit, rest) = match tail.iter().position(|&b| b == SEP) {
        Some(i) => (&tail[..i], Some(tail[i + 1..].to_vec())),
        None => (tail, None),
    };
    Some(Parts {
        year,
        unit: String::from_utf8(unit.to_vec()).ok()?,
        rest,
    })
}

/// A readable form of a key of `tree`, e.g. `iku/2025/KPKNL-PTK/1a-CP`.
pub fn display(tree: &str, key: &[u8]) -> String {
    let readable = match tree {
        "meta" => Some(String::from_utf8_lossy(key).into_owned()),
        "audit" => audit_seq(key).map(|s| format!("#{s}")),
        "years" => year_from(key)
            .filter(|_| key.len() == 4)
            .map(|y| y.to_string()),
        "addenda" => split(key).and_then(|p| {
            let v: [u8; 4] = p.rest?.as_slice().try_into().ok()?;
            Some(format!("{}/{}/v{}", p.year, p.unit, u32::from_be_bytes(v)))
        }),
        _ => split(key).map(|p| match p.rest {
            Some(code) => format!("{}/{}/{}", p.year, p.unit, String::from_utf8_lossy(&code)),
            None => format!("{}/{}", p.year, p.unit),
        }),
    };
    let readable = readable.unwrap_or_else(|| {
        key.iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join("")
    });
    format!("{tree}/{readable}")
}

/// True when a code can be part of a key (not empty, no separator).
pub fn valid_code(code: &str) -> bool {
    !code.is_empty() && !code.as_bytes().contains(&SEP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_sort_numerically_including_negative() {
        let mut ys = [year(2025), year(-1), year(0), year(1999), year(10000)];
        ys.sort();
        let back: Vec<i32> = ys.iter().map(|b| year_from(b).unwrap()).collect();
        assert_eq!(back, vec![-1, 0, 1999, 2025, 10000]);
    }

    #[test]
    fn code_keys_sort_like_coderef() {
        // "a" < "a-b" < "ab" as unit codes, whatever the code after them.
        let mut ks = [
            code(2025, "ab", "1"),
            code(2025, "a", "z"),
            code(2025, "a-b", "0"),
            code(2025, "a", "b"),
        ];
        ks.sort();
        let shown: Vec<String> = ks.iter().map(|k| display("iku", k)).collect();
        assert_eq!(
            shown,
            [
                "iku/2025/a/b",
                "iku/2025/a/z",
                "iku/2025/a-b/0",
                "iku/2025/ab/1"
            ]
        );
    }

    #[test]
    fn display_names_every_kind_of_key() {
        assert_eq!(display("units", &unit(2025, "DJKN")), "units/2025/DJKN");
        assert_eq!(
            display("addenda", &addendum(2025, "DJKN", 3)),
            "addenda/2025/DJKN/v3"
        );
        assert_eq!(display("audit", &audit(42)), "audit/#42");
        assert_eq!(display("years", &year(2025)), "years/2025");
        assert_eq!(display("meta", b"schema"), "meta/schema");
        assert_eq!(display("audit", &[1, 2]), "audit/0102");
    }
}

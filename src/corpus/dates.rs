//! Document dates: ISO 8601 dates and date-times, and the day, week and
//! month they fall in (the date as written: a time-zone offset does not move
//! an article to another day).

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Time buckets of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// ISO week (Monday first), named `2019-W05`.
    Week,
    Month,
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Checks a time of day with an optional offset: `HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`.
fn valid_time(t: &str) -> bool {
    let (clock, zone) = match t.find(['Z', 'z', '+', '-']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let clock = clock.split_once(['.', ',']).map_or(clock, |(c, frac)| {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            ""
        } else {
            c
        }
    });
    let parts: Vec<&str> = clock.split(':').collect();
    let ok_clock = match parts.as_slice() {
        [h, m] | [h, m, _] if digits(h, 2).is_some_and(|h| h <= 24) && digits(m, 2).is_some_and(|m| m < 60) => {
            parts.get(2).is_none_or(|s| digits(s, 2).is_some_and(|s| s <= 60))
        }
        _ => false,
    };
    let ok_zone = match zone {
        "" | "Z" | "z" => true,
        z => {
            // Invariant: `zone` is not empty here and starts with the ASCII `Z`, `z`, `+` or `-` it was split at.
            let z = &z[1..];
            let (h, m) = z.split_once(':').unwrap_or(if z.len() == 4 { z.split_at(2) } else { (z, "00") });
            digits(h, 2).is_some_and(|h| h <= 23) && digits(m, 2).is_some_and(|m| m < 60)
        }
    };
    ok_clock && ok_zone
}

/// Parses an ISO 8601 date (`2019-01-04`) or date-time (`2019-01-04T10:30:00Z`,
/// `2019-01-04 10:30`, with an optional offset); the error says what is wrong.
pub fn parse(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let bad = || format!("{s:?} is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])");
    let (date, time) = match s.find(['T', 't', ' ']) {
        // Invariant: `i` is the start of an ASCII `T`, `t` or space, so `i` and `i + 1` are boundaries.
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut it = date.split('-');
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else { return Err(bad()) };
    let (Some(year), Some(month), Some(day)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else { return Err(bad()) };
    let year = year as i32;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(format!("{s:?}: no such day"));
    }
    if time.is_some_and(|t| !valid_time(t)) {
        return Err(bad());
    }
    Ok(Date { year, month, day })
}

impl Date {
    /// Days since 0000-03-01 (proleptic Gregorian): for weekdays and week arithmetic.
    fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + self.day as i64 - 1
    }

    /// 0 = Monday ... 6 = Sunday.
    fn weekday(self) -> i64 {
        // 0000-03-01 was a Wednesday.
        (self.day_number() + 2).rem_euclid(7)
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.day_number() - self.weekday() + 3;
        let year_of = |n: i64| {
            // The year whose Jan 1 is the latest not after day n.
            let mut y = self.year + 1;
            while (Date { year: y, month: 1, day: 1 }).day_number() > n {
                y -= 1;
            }
            y
        };
        let y = year_of(thursday);
        let week = (thursday - Date { year: y, month: 1, day: 1 }.day_number()) / 7 + 1;
        (y, week as u32)
    }

    /// The next calendar day.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date { day: self.day + 1, ..self }
        } else if self.month < 12 {
            Date { month: self.month + 1, day: 1, ..self }
        } else {
            Date { year: self.year + 1, month: 1, day: 1 }
        }
    }

    /// The bucket label: `2019-01-04`, `2019-W01`, `2019-01`.
    pub fn label(self, by: Bucket) -> String {
        match by {
            Bucket::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Bucket::Week => {
                let (y, w) = self.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Bucket::Month => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_date_times_parse() {
        for ok in [
            "2019-01-04",
            "2019-01-04T10:30",
            "2019-01-04T10:30:00Z",
            "2019-01-04 10:30:00.123+02:00",
            "2020-02-29T23:59:59-0500",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in ["yesterday", "2019-1-4", "2019-02-30", "2019-13-01", "04/01/2019", "2019-01-04T25:00", "2019-01-04Tnoon", ""]
        {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn buckets_follow_iso_weeks() {
        let d = |s| parse(s).unwrap();
        assert_eq!(d("2019-01-04").label(Bucket::Month), "2019-01");
        assert_eq!(d("2019-01-04").label(Bucket::Week), "2019-W01");
        assert_eq!(d("2018-12-31").label(Bucket::Week), "2019-W01");
        assert_eq!(d("2021-01-03").label(Bucket::Week), "2020-W53");
        assert_eq!(d("2024-12-30").label(Bucket::Week), "2025-W01");
        assert_eq!(d("2019-07-15T08:00Z").label(Bucket::Day), "2019-07-15");
    }
}

/// ISO-8601 text for instants, written by hand so the model stays free of clocks, locales and
/// time-zone databases: output is always UTC (`2026-11-21T10:04:05Z`, with `.123` when the
/// instant has milliseconds); input accepts `Z` or a `±HH:MM` offset and optional fractions.
extension Instant {
  /// The instant as UTC ISO-8601 text.
  public var iso8601: String {
    let (days, msOfDay) = splitDays(millisecondsSince1970)
    let (year, month, day) = civilDate(fromDaysSince1970: days)
    let seconds = msOfDay / 1000
    let fraction = msOfDay % 1000
    var text =
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
      + "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    if fraction != 0 { text += ".\(pad(fraction, 3))" }
    return text + "Z"
  }

  /// The time of day, `HH:MM`, in UTC; used in human-readable reasons and messages.
  public var timeOfDay: String { timeOfDay(offsetSeconds: 0) }

  /// The time of day, `HH:MM`, on a clock `offsetSeconds` ahead of UTC (the caller's local
  /// time zone: the model itself knows no time zones).
  public func timeOfDay(offsetSeconds: Int) -> String {
    // Each part is reduced to within a day first, so that no instant and no offset overflows.
    let offset = Int64(offsetSeconds % 86_400) * 1000
    let msOfDay = splitDays(splitDays(millisecondsSince1970).msOfDay + offset).msOfDay
    let minutes = msOfDay / 60_000
    return "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; a space may stand for the `T`.
  public init?(iso8601 text: String) {
    var scanner = DigitScanner(Array(text.utf8))
    guard let year = scanner.number(digits: 4), scanner.take(UInt8(ascii: "-")),
      let month = scanner.number(digits: 2), scanner.take(UInt8(ascii: "-")),
      let day = scanner.number(digits: 2),
      scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")),
      let hour = scanner.number(digits: 2), scanner.take(UInt8(ascii: ":")),
      let minute = scanner.number(digits: 2)
    else { return nil }
    var second: Int64 = 0
    var millis: Int64 = 0
    if scanner.take(UInt8(ascii: ":")) {
      guard let s = scanner.number(digits: 2) else { return nil }
      second = s
      if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
        var scale: Int64 = 100
        var any = false
        while let digit = scanner.digit() {
          millis += digit * scale
          scale /= 10
          any = true
        }
        guard any else { return nil }
      }
    }
    var offsetMinutes: Int64 = 0
    if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
    } else if let sign = scanner.sign() {
      guard let oh = scanner.number(digits: 2) else { return nil }
      _ = scanner.take(UInt8(ascii: ":"))
      guard let om = scanner.number(digits: 2), om < 60 else { return nil }
      offsetMinutes = sign * (oh * 60 + om)
    } else {
      return nil
    }
    // One calendar check for every typed date (CalendarDate): a real day in 1970…9999, and
    // offsets of at most ±18:00.
    guard scanner.atEnd, CalendarDate(year: Int(year), month: Int(month), day: Int(day)) != nil,
      hour < 24, minute < 60, second < 60, abs(offsetMinutes) <= Int64(CalendarDate.maximumOffsetMinutes),
      abs(offsetMinutes) % 60 < 60
    else { return nil }
    let days = daysSince1970(year: year, month: month, day: day)
    let total = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
    self.init(millisecondsSince1970: total * 1000 + millis)
  }
}

private struct DigitScanner {
  let bytes: [UInt8]
  var index = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { index == bytes.count }

  mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func digit() -> Int64? {
    guard index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 else { return nil }
    index += 1
    return Int64(bytes[index - 1] - 48)
  }

  mutating func number(digits: Int) -> Int64? {
    var value: Int64 = 0
    for _ in 0..<digits {
      guard let d = digit() else { return nil }
      value = value * 10 + d
    }
    return value
  }

  mutating func sign() -> Int64? {
    if take(UInt8(ascii: "+")) { return 1 }
    if take(UInt8(ascii: "-")) { return -1 }
    return nil
  }
}

private func pad(_ value: Int64, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Whole days since 1970 (rounded down) and the milliseconds into the day, for any `Int64`.
private func splitDays(_ ms: Int64) -> (days: Int64, msOfDay: Int64) {
  let day: Int64 = 86_400_000
  let remainder = ms % day
  return remainder < 0 ? (ms / day - 1, remainder + day) : (ms / day, remainder)
}

private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

// Howard Hinnant's days-from-civil and civil-from-days algorithms (proleptic Gregorian).
private func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
  let y = month <= 2 ? year - 1 : year
  let era = floorDivide(y, 400)
  let yearOfEra = y - era * 400
  let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
  let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

private func civilDate(fromDaysSince1970 days: Int64) -> (Int64, Int64, Int64) {
  let z = days + 719_468
  let era = floorDivide(z, 146_097)
  let dayOfEra = z - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let mp = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * mp + 2) / 5 + 1
  let month = mp < 10 ? mp + 3 : mp - 9
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

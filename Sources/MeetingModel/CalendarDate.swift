/// A day on the calendar as people type it, `2026-12-31`: the one check for every date and
/// time typed anywhere (`--at`, due dates, plan files, the note-taker's form), so that
/// impossible dates such as 2026-02-30 are refused rather than stored as typed.
public struct CalendarDate: Hashable, Sendable, CustomStringConvertible {
  /// The years Roundtable accepts in dates and times: from the Unix epoch to the last year
  /// with four digits.
  public static let years: ClosedRange<Int> = 1970...9999
  /// The largest time-zone offset accepted in an ISO-8601 time, in minutes (±18:00, as
  /// ISO 8601 and every time-zone database allow).
  public static let maximumOffsetMinutes = 18 * 60

  public let year: Int
  public let month: Int
  public let day: Int

  /// A real day of a real month in `years`; nil otherwise.
  public init?(year: Int, month: Int, day: Int) {
    guard Self.years.contains(year), (1...12).contains(month),
      (1...Self.days(inMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Exactly `YYYY-MM-DD` (four, two and two digits) naming a real day; nil otherwise.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Whether `text` is exactly a real day such as `2026-12-31`.
  public static func isValid(_ text: String) -> Bool { CalendarDate(text) != nil }

  public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  public static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `2026-12-31`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// The message for a date that is not a real one.
  public static func problem(_ text: String, what: String) -> String {
    "\(what) “\(text)” is not a real date such as 2026-12-31 (years \(years.lowerBound) to \(years.upperBound))."
  }
}

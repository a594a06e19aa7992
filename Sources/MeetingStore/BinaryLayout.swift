import Foundation
import MeetingModel

/// Why stored bytes could not be read back.
public struct BinaryDecodingError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// Writes the compact binary layout of stored event data: zig-zag varints for integers,
/// length-prefixed UTF-8 for text, one byte for flags, and fields in declaration order.
///
/// The layout of a given (event type, schema version) never changes once shipped: a new field
/// means a new schema version and an upcaster from the old layout (see `StoredEventCodec`).
struct BinaryWriter {
  var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(32) }

  mutating func writeVarint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  mutating func writeSigned(_ value: Int64) {
    writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  mutating func write<T: BinaryEncodable>(_ value: T) { value.encode(to: &self) }
}

/// Reads the layout `BinaryWriter` writes, straight from SQLite's buffer without copying it.
struct BinaryReader {
  let buffer: UnsafeRawBufferPointer
  var offset = 0

  init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

  var isAtEnd: Bool { offset == buffer.count }

  @inline(__always)
  mutating func readByte() throws(BinaryDecodingError) -> UInt8 {
    guard offset < buffer.count else { throw BinaryDecodingError(message: "event data ends too soon") }
    let byte = buffer[offset]
    offset += 1
    return byte
  }

  @inline(__always)
  mutating func readVarint() throws(BinaryDecodingError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
      guard shift < 64 else { throw BinaryDecodingError(message: "a number in the event data is too long") }
    }
  }

  @inline(__always)
  mutating func readSigned() throws(BinaryDecodingError) -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  mutating func readBytes(_ count: Int) throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= buffer.count - offset else {
      throw BinaryDecodingError(message: "event data ends too soon")
    }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
  }

  mutating func read<T: BinaryDecodable>() throws(BinaryDecodingError) -> T {
    try T(binary: &self)
  }
}

protocol BinaryEncodable {
  func encode(to writer: inout BinaryWriter)
}

protocol BinaryDecodable {
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError)
}

typealias BinaryCodable = BinaryEncodable & BinaryDecodable

// MARK: Primitives

extension Int: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeSigned(Int64(self)) }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let value = try reader.readSigned()
    guard let int = Int(exactly: value) else {
      throw BinaryDecodingError(message: "a number is out of range")
    }
    self = int
  }
}

extension Int64: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeSigned(self) }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readSigned() }
}

extension Bool: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.bytes.append(self ? 1 : 0) }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    switch try reader.readByte() {
    case 0: self = false
    case 1: self = true
    default: throw BinaryDecodingError(message: "a yes/no value is neither")
    }
  }
}

extension Double: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    var bits = bitPattern.littleEndian
    withUnsafeBytes(of: &bits) { writer.bytes.append(contentsOf: $0) }
  }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let raw = try reader.readBytes(8)
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(raw[index]) << (8 * UInt64(index)) }
    // Nothing the model stores is infinite or not a number; such a value was not written by it.
    let value = Double(bitPattern: bits)
    guard value.isFinite else {
      throw BinaryDecodingError(message: "a number in the event data is not finite (\(value))")
    }
    self = value
  }
}

extension String: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    var copy = self
    copy.withUTF8 { utf8 in
      writer.writeVarint(UInt64(utf8.count))
      writer.bytes.append(contentsOf: utf8)
    }
  }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let count = try reader.readVarint()
    guard count <= UInt64(Int.max) else { throw BinaryDecodingError(message: "a text is too long") }
    self = String(decoding: try reader.readBytes(Int(count)), as: UTF8.self)
  }
}

extension UUID: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    withUnsafeBytes(of: uuid) { writer.bytes.append(contentsOf: $0) }
  }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let raw = try reader.readBytes(16)
    self = UUID.fromBytes(raw)
  }
}

extension UUID {
  /// A UUID from its 16 bytes (caller guarantees the count).
  static func fromBytes(_ raw: UnsafeRawBufferPointer) -> UUID {
    UUID(
      uuid: (
        raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10], raw[11],
        raw[12], raw[13], raw[14], raw[15]
      ))
  }
}

extension Optional: BinaryEncodable where Wrapped: BinaryEncodable {
  func encode(to writer: inout BinaryWriter) {
    switch self {
    case .none: writer.bytes.append(0)
    case .some(let value):
      writer.bytes.append(1)
      value.encode(to: &writer)
    }
  }
}

extension Optional: BinaryDecodable where Wrapped: BinaryDecodable {
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    switch try reader.readByte() {
    case 0: self = .none
    case 1: self = .some(try Wrapped(binary: &reader))
    default: throw BinaryDecodingError(message: "an optional value is malformed")
    }
  }
}

extension Array: BinaryEncodable where Element: BinaryEncodable {
  func encode(to writer: inout BinaryWriter) {
    writer.writeVarint(UInt64(count))
    for element in self { element.encode(to: &writer) }
  }
}

extension Array: BinaryDecodable where Element: BinaryDecodable {
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let count = try reader.readVarint()
    guard count <= UInt64(reader.buffer.count - reader.offset) else {
      throw BinaryDecodingError(message: "a list in the event data is longer than the data")
    }
    self = []
    reserveCapacity(Int(count))
    for _ in 0..<count { append(try Element(binary: &reader)) }
  }
}

extension Identifier: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeSigned(Int64(rawValue)) }
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(try Int(binary: &reader))
  }
}

extension Instant: BinaryCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeSigned(millisecondsSince1970) }
  /// Years 1970 to 9999 (`Instant.isRecordable`), the range the validating fold holds every
  /// time to and ISO-8601 text (the JSONL export) can write: whatever is read can be exported
  /// and imported again.
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let milliseconds = try reader.readSigned()
    guard Instant(millisecondsSince1970: milliseconds).isRecordable else {
      throw BinaryDecodingError(message: "a time in the event data is outside the years 1970 to 9999")
    }
    self.init(millisecondsSince1970: milliseconds)
  }
}

/// Enums are stored by their stable raw names, which never change once shipped.
protocol StoredNameEnum: RawRepresentable<String>, BinaryCodable {}

extension StoredNameEnum where Self: CaseIterable {
  func encode(to writer: inout BinaryWriter) { rawValue.encode(to: &writer) }

  /// Matches the stored name's bytes against the cases' names, without making a string: this
  /// runs for nearly every event on replay.
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    let count = try reader.readVarint()
    guard count <= 64 else { throw BinaryDecodingError(message: "a name in the event data is too long") }
    let bytes = try reader.readBytes(Int(count))
    for candidate in Self.allCases {
      let name = candidate.rawValue.utf8
      guard name.count == bytes.count else { continue }
      let same =
        name.withContiguousStorageIfAvailable { stored in
          guard let storedBase = stored.baseAddress, let readBase = bytes.baseAddress else {
            return stored.isEmpty
          }
          return memcmp(storedBase, readBase, bytes.count) == 0
        } ?? name.elementsEqual(bytes)
      if same {
        self = candidate
        return
      }
    }
    throw BinaryDecodingError(
      message: "unknown value '\(String(decoding: bytes, as: UTF8.self))' for \(Self.self)")
  }
}

extension Role: StoredNameEnum {}
extension EntryKind: StoredNameEnum {}
extension TurnSource: StoredNameEnum {}
extension ContributionMode: StoredNameEnum {}
extension SignalType: StoredNameEnum {}
extension LowerReason: StoredNameEnum {}
extension DecisionMethod: StoredNameEnum {}
extension DecisionOutcome: StoredNameEnum {}
extension ParticipationRung: StoredNameEnum {}
extension StanceKind: StoredNameEnum {}
extension UndoKind: StoredNameEnum {}
extension QueuePolicy.Ordering: StoredNameEnum {}
extension FollowUpStatus: StoredNameEnum {}
extension CarriedItem.Kind: StoredNameEnum {}

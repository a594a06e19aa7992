import CNCurses

/// One grapheme cluster as the wide characters `setcchar` takes: a spacing character followed
/// by the zero-width characters that belong to it (combining marks, variation selectors,
/// joiners), at most `CCHARW_MAX` in all, NUL-terminated.
enum CellText {
  /// Fills `characters` for `character` and returns the columns ncurses will give it (its
  /// `wcwidth`), which the caller compares with the screen buffer's width. `textPresentation`
  /// leaves out the emoji variation selector (U+FE0F).
  static func encode(_ character: Character, into characters: inout [wchar_t], textPresentation: Bool = false)
    -> Int
  {
    characters.removeAll(keepingCapacity: true)
    let capacity = Int(cn_cchar_max())
    var baseWidth = 1
    for scalar in character.unicodeScalars where !(textPresentation && scalar.value == 0xFE0F) {
      let value = wchar_t(bitPattern: scalar.value)
      if characters.isEmpty {
        let width = wcwidth(value)
        if width > 0 {
          characters.append(value)
          baseWidth = Int(width)
          continue
        }
        if width == 0, !isControl(scalar.value) {
          // A combining mark with nothing to sit on is shown over a space, as editors do.
          characters.append(wchar_t(0x20))
        } else {
          // Control and unprintable characters would come out as ^X or ~@ and shift the rest
          // of the row: show one placeholder column instead.
          characters.append(wchar_t(UInt8(ascii: "?")))
          break
        }
      }
      // A second spacing character (the rest of an emoji sequence ncurses cannot hold in one
      // cell) is dropped: the row's columns matter more than the rarest glyphs.
      guard wcwidth(value) == 0, characters.count < capacity else { break }
      characters.append(value)
    }
    if characters.isEmpty { characters.append(wchar_t(0x20)) }
    characters.append(0)
    return baseWidth
  }

  private static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F..<0xA0).contains(value) }
}

import TerminalUI
import Testing

@testable import CursesTerminal

@Suite("Character codes as keys")
struct KeyCodeTests {
  @Test func controlCodesBecomeNamedKeysOrCtrlLetters() {
    #expect(KeyCode.key(forCharacter: 9) == .tab)
    #expect(KeyCode.key(forCharacter: 13) == .enter)
    #expect(KeyCode.key(forCharacter: 10) == .enter)
    #expect(KeyCode.key(forCharacter: 27) == .escape)
    #expect(KeyCode.key(forCharacter: 127) == .backspace)
    #expect(KeyCode.key(forCharacter: 8) == .backspace)
    #expect(KeyCode.key(forCharacter: 1) == .control("a"))
    #expect(KeyCode.key(forCharacter: 19) == .control("s"))
    #expect(KeyCode.key(forCharacter: 26) == .control("z"))
  }

  @Test func codesNoScreenUsesAreLeftOut() {
    #expect(KeyCode.key(forCharacter: 0) == nil)
    #expect(KeyCode.key(forCharacter: 28) == nil)
    #expect(KeyCode.key(forCharacter: 0x85) == nil)
    #expect(KeyCode.key(forCharacter: 0xD800) == nil)
  }

  @Test func printableCharactersComeThroughWhole() {
    #expect(KeyCode.key(forCharacter: 0x71) == .character("q"))
    #expect(KeyCode.key(forCharacter: 0xE9) == .character("é"))
    #expect(KeyCode.key(forCharacter: 0x4F1A) == .character("会"))
    #expect(KeyCode.key(forCharacter: 0x1F389) == .character("🎉"))
  }
}

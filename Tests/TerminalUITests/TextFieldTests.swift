import Testing

@testable import TerminalUI

@Suite("The text field and the form")
struct TextFieldTests {
  func typed(_ text: String, into field: inout TextField) {
    for character in text { field.handle(.character(character)) }
  }

  @Test func insertsAndDeletesWholeCharactersWhereTheCursorIs() {
    var field = TextField()
    typed("Siobhn", into: &field)
    field.handle(.left)
    field.handle(.character("á"))
    #expect(field.text == "Siobhán")
    #expect(field.cursor == 6)
    field.handle(.home)
    field.handle(.delete)
    #expect(field.text == "iobhán")
    field.handle(.end)
    field.handle(.backspace)
    #expect(field.text == "iobhá")
    field.handle(.control("w"))
    #expect(field.text == "")
  }

  @Test func aCombiningAccentJoinsTheLetterBeforeIt() {
    var field = TextField()
    typed("Jose", into: &field)
    field.handle(.character("\u{301}"))
    #expect(field.text == "Jos\u{E9}")
    #expect(field.text.count == 4)
    #expect(field.cursor == 4)
    field.handle(.backspace)
    #expect(field.text == "Jos")
  }

  @Test func wideCharactersAndFlagsAreOneStepEach() {
    var field = TextField("会議🇬🇧x")
    #expect(field.cursor == 4)
    field.handle(.left)
    field.handle(.backspace)
    #expect(field.text == "会議x")
    #expect(field.visible(width: 20).cursorColumn == 4)
  }

  @Test func controlCharactersNeverGoIn() {
    var field = TextField()
    #expect(field.handle(.character("\u{1B}")) == false)
    #expect(field.handle(.tab) == false)
    #expect(field.text.isEmpty)
  }

  @Test func aLongTextScrollsToKeepTheCursorInView() {
    var field = TextField(String(repeating: "abcdefghij", count: 5))
    let end = field.visible(width: 20)
    #expect(end.text.hasPrefix("…"))
    #expect(DisplayWidth.of(end.text) <= 20)
    #expect(end.cursorColumn < 20)
    field.handle(.home)
    let start = field.visible(width: 20)
    #expect(start.text.hasPrefix("abc"))
    #expect(start.text.hasSuffix("…"))
    #expect(start.cursorColumn == 0)
    #expect(DisplayWidth.of(start.text) <= 20)
    for _ in 0..<25 { field.handle(.right) }
    let middle = field.visible(width: 20)
    #expect(middle.text.hasPrefix("…") && middle.text.hasSuffix("…"))
    #expect(middle.cursorColumn < 20)
    // What is under the cursor is the 26th character.
    let columns = Array(middle.text)
    #expect(columns[middle.cursorColumn] == "f")
  }

  @Test func theFormMovesFocusEditsTheFocusedFieldAndPicksChoicesByKey() {
    var form = Form(
      title: "Test",
      fields: [
        .text("text", "Text"),
        .choice(
          "stance", "Stance",
          [.init("not recorded", key: "n"), .init("agree", key: "a"), .init("block", key: "b")]),
      ])
    for character in "Meet monthly" { _ = form.handle(.character(character)) }
    #expect(form.text("text") == "Meet monthly")
    #expect(form.handle(.tab) == .none)
    #expect(form.focusedField?.name == "stance")
    _ = form.handle(.character("b"))
    #expect(form.field("stance")?.text == "block")
    _ = form.handle(.right)
    #expect(form.field("stance")?.text == "not recorded")
    _ = form.handle(.left)
    #expect(form.field("stance")?.text == "block")
    _ = form.handle(.backTab)
    #expect(form.focusedField?.name == "text")
    form.refusal = "No"
    _ = form.handle(.backspace)
    #expect(form.refusal == nil)
    #expect(form.text("text") == "Meet monthl")
    #expect(form.handle(.enter) == .submit)
    #expect(form.handle(.escape) == .cancel)
    #expect(form.hasTypedText)
  }
}

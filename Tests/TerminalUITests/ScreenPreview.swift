import Foundation
import MeetingModel
import TerminalUI
import Testing

@Test func previewScreens() throws {
  guard ProcessInfo.processInfo.environment["PREVIEW"] == "1" else { return }
  let (state, now) = try ForumFixture.make()
  for (w, h) in [(80, 24), (120, 40)] {
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: w, height: h)
    print("=== \(w)x\(h) cursor \(String(describing: buffer.cursor))")
    for line in buffer.lines { print("|" + line) }
  }
}

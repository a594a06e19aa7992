import Foundation
import Testing

/// `roundtable stats`: spoken, airtime and adjusted time per person, which one the queue uses,
/// and facilitation reported apart from the balance.
@Suite("roundtable stats: adjusted time and facilitation apart")
struct StatsFacilitationTests {
  static func meeting(in folder: Folder, extra: [String] = []) {
    let f = "s.rt"
    let at = ["--at", "2026-11-21T10:00:00Z"]
    CLI.ok(["new", f, "--title", "S"] + extra + at, in: folder.url)
    CLI.ok(["join", f, "Helen Ward", "--tag", "professional", "--role", "facilitator"] + at, in: folder.url)
    CLI.ok(["join", f, "Rachel Lee", "--role", "note-taker"] + at, in: folder.url)
    CLI.ok(
      ["join", f, "Siobhán Byrne", "--tag", "lived-experience", "--time-adjust", "1.5"] + at, in: folder.url)
    CLI.ok(["join", f, "Ben Okafor", "--tag", "professional"] + at, in: folder.url)
    CLI.ok(["hand", f, "helen"] + at, in: folder.url)
    CLI.ok(["next", f] + at, in: folder.url)
    CLI.ok(["hand", f, "siob", "--at", "2026-11-21T10:04:10Z"], in: folder.url)
    CLI.ok(["next", f, "--at", "2026-11-21T10:04:10Z"], in: folder.url)
    CLI.ok(["done", f, "--at", "2026-11-21T10:05:40Z"], in: folder.url)
  }

  @Test func facilitationIsShownApartAndAdjustedTimeBesideSpoken() {
    let folder = Folder()
    Self.meeting(in: folder)
    let out = CLI.ok(["stats", "s.rt", "--at", "2026-11-21T10:06:00Z"], in: folder.url)
    #expect(
      out == """
        Group             Share  Target  Airtime  Turns
        lived-experience  100%   50%     1m 30s   1
        professional      0%     50%     0s       0

        Person         Groups            Spoken  Airtime  Adjusted       Share  Turns  Written
        Siobhán Byrne  lived-experience  1m 30s  1m 30s   1m 00s (1.5×)  100%   1      
        Ben Okafor     professional      0s      0s       0s             0%     0      

        Airtime is spoken time plus written and supported contributions; adjusted is airtime divided by the time adjustment. The queue uses adjusted airtime; shares and fairness use airtime.
        Fairness (Gini of airtime among those present, 0 = even): 0.50
        facilitation: 4m 10s (Helen Ward 4m 10s, Rachel Lee 0s), not counted in the voice balance

        """)
  }

  @Test func theJSONCarriesAdjustedSecondsAndFacilitation() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let data = Data(CLI.ok(["stats", "s.rt", "--json", "--at", "2026-11-21T10:06:00Z"], in: folder.url).utf8)
    let stats = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(stats["facilitationSeconds"] as? Double == 250)
    #expect(stats["queueUses"] as? String == "adjustedSeconds")
    #expect(stats["countsFacilitation"] as? Bool == false)
    let people = try #require(stats["people"] as? [[String: Any]])
    #expect(people.map { $0["name"] as? String } == ["Siobhán Byrne", "Ben Okafor"])
    #expect(people[0]["spokenSeconds"] as? Double == 90)
    #expect(people[0]["adjustedSeconds"] as? Double == 60)
    let facilitation = try #require(stats["facilitation"] as? [[String: Any]])
    #expect(facilitation.map { $0["role"] as? String } == ["facilitator", "note-taker"])
  }

  @Test func withTheSettingFacilitationCounts() throws {
    let folder = Folder()
    Self.meeting(in: folder, extra: ["--count-facilitation"])
    let out = CLI.ok(["stats", "s.rt", "--at", "2026-11-21T10:06:00Z"], in: folder.url)
    #expect(out.contains("Helen Ward     professional      4m 10s"))
    #expect(out.contains("facilitation: counted in the voice balance (this meeting's setting)"))
    let data = Data(CLI.ok(["stats", "s.rt", "--json", "--at", "2026-11-21T10:06:00Z"], in: folder.url).utf8)
    let stats = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(stats["facilitationSeconds"] as? Double == 0)
    #expect(stats["totalAirtimeSeconds"] as? Double == 340)
  }
}

import Testing
@testable import PlanKit

/// Texts a file repeats are read once and shared by the actions that repeat them.
@Suite struct SharedTextTests {
    /// Pilot cells written alike in one file are read once: their actions share the text and the
    /// list of names, and each keeps its own location.
    @Test func pilotCellsWrittenAlikeShareTheirNames() throws {
        let boulanger = try Fixtures.plan("pst-citoyennete.tsv").actions.filter { $0.pilots.political.text == "S. Boulanger" }
        try #require(boulanger.count == 9)
        let storage = Set(boulanger.map { $0.pilots.political.value.value?.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        #expect(storage.count == 1)
        #expect(boulanger.allSatisfy { $0.pilots.political.value == .known(["S. Boulanger"]) })
        #expect(Set(boulanger.map(\.pilots.political.location.line)).count == 9)
        #expect(boulanger.allSatisfy { $0.pilots.political.location.line == $0.location.line })
    }
}

import Testing
@testable import PlanKit

@Suite struct JSONTests {
    @Test(arguments: ["pst-citoyennete.tsv", "pst-forms.csv", "pst-citoyennete-excel.csv"])
    func roundTripIsLossless(_ name: String) throws {
        let plan = try Fixtures.plan(name)
        let bytes = try PlanKitJSON.encode([plan])
        let back = try PlanKitJSON.decode(bytes, file: "x.json")
        #expect(back == [plan])
        #expect(try PlanKitJSON.encode(back) == bytes)
    }

    @Test func documentHeader() throws {
        let bytes = try PlanKitJSON.encode([])
        #expect(String(decoding: bytes, as: UTF8.self) == "{\n  \"format\" : \"plankit\",\n  \"plans\" : [\n\n  ],\n  \"version\" : 1\n}\n")
    }

    @Test func cellStatesEncodeByName() throws {
        let plan = try Fixtures.plan("pst-citoyennete.tsv")
        let text = String(decoding: try PlanKitJSON.encode([plan]), as: UTF8.self)
        #expect(text.contains("\"state\" : \"unknown\""))
        #expect(text.contains("\"state\" : \"none\""))
        #expect(text.contains("\"state\" : \"missing\""))
        #expect(text.contains("\"form\" : \"semester\""))
    }
}

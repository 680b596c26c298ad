// libFuzzer entry: the spreadsheet reader (encodings, splitter, cell grammar), and the promise
// that nothing is lost: every non-blank cell of an input the reader takes is reachable from the
// plan or named by a read.* warning (CellAccounting).
//
// PLANKIT_FUZZ_LOST says what an input that loses a cell does:
//   unset or `abort`  abort, the lost cells printed (a finding, like a crash);
//   a directory       the input is kept there, one file per kind of loss (the part of the file,
//                     what the row was read as, the cell's place in it), named after the kind,
//                     and the run goes on: it gathers the distinct losses instead of stopping at
//                     the first (to survey losses after a change to the reader);
//   `off`             the property is not checked (crashes only).
import Foundation
import PlanKit

let lostMode = ProcessInfo.processInfo.environment["PLANKIT_FUZZ_LOST"]
nonisolated(unsafe) var kindsSeen = Set<String>()

/// What kind of loss `cell` is: where in the file, what its row was read as, which cell of it.
func kind(of cell: UnaccountedCell, in plan: Plan) -> String {
    var places: [(line: Int, column: Int, what: String)] = []
    for strategic in plan.objectives {
        places.append((strategic.location.line, strategic.location.column, "strategic"))
        for operational in strategic.operationalObjectives {
            places.append((operational.location.line, operational.location.column, "operational"))
            for action in operational.actions { places.append((action.location.line, action.location.column, "action")) }
        }
    }
    let lines = places.map(\.line)
    let line = cell.location.line
    if let first = lines.min(), line < first { return "preamble-or-header" }
    if let last = lines.max(), line > last { return "legend" }
    guard let place = places.last(where: { $0.line == line }) else { return "table-row-unread" }
    let relation = cell.location.column == place.column ? "its-cell" : cell.location.column < place.column ? "left-cell" : "other-cell"
    return "\(place.what)-\(relation)"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let plan = try? SpreadsheetReader().read(bytes, file: "fuzz.tsv") {
        let set = PlanSet([plan])
        _ = Checker().run(on: set)
        if lostMode != "off" {
            let lost = CellAccounting.unaccounted(in: bytes, file: "fuzz.tsv", plans: [plan], warnings: set.warnings)
            if !lost.isEmpty {
                if let directory = lostMode, directory != "abort" {
                    for kind in Set(lost.map { kind(of: $0, in: plan) }) where kindsSeen.insert(kind).inserted {
                        FileManager.default.createFile(atPath: "\(directory)/\(kind)", contents: Data(bytes))
                    }
                } else {
                    fputs("Cells lost (neither in the plan nor named by a warning):\n", stderr)
                    for cell in lost.prefix(20) { fputs("  \(cell)\n", stderr) }
                    abort()
                }
            }
        }
    }
    // The reading a budget-only query asks for.
    if let plan = try? SpreadsheetReader(fields: .budget).read(bytes, file: "fuzz.tsv") {
        _ = PlanSet([plan, plan])
    }
    return 0
}

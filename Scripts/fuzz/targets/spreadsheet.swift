// libFuzzer entry: the spreadsheet reader (encodings, splitter, cell grammar).
import PlanKit
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let plan = try? SpreadsheetReader().read(bytes, file: "fuzz.tsv") {
        _ = PlanSet([plan])
        _ = Checker().run(on: PlanSet([plan]))
    }
    // The reading a budget-only query asks for.
    if let plan = try? SpreadsheetReader(fields: .budget).read(bytes, file: "fuzz.tsv") {
        _ = PlanSet([plan, plan])
    }
    return 0
}

// libFuzzer entry: the workbook reader (.xlsx, .ods) on any bytes, read as a zip archive.
import PlanKit
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for name in ["fuzz.xlsx", "fuzz.ods"] {
        if let plans = try? PlanReader().read(bytes, file: name) { _ = PlanSet(plans) }
    }
    return 0
}

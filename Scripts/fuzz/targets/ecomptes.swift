// libFuzzer entry: the eComptes XML reader, and the writer on what it read.
import PlanKit
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEComptes(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let plan = try? EComptesReader().read(bytes, file: "fuzz.xml") {
        _ = EComptesWriter().write(plan)
    }
    return 0
}

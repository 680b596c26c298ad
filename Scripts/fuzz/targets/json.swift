// libFuzzer entry: the PlanKit JSON reader, and the writer on what it read.
import PlanKit
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let plans = try? PlanKitJSON.decode(bytes, file: "fuzz.json") {
        _ = try? PlanKitJSON.encode(plans)
        _ = PlanSet(plans)
    }
    return 0
}

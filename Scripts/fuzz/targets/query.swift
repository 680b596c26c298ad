// libFuzzer entry: the query lexer, parser, compiler and evaluator, on the seed plan.
import Foundation
import PlanKit
import PlanQuery

nonisolated(unsafe) let fuzzContext: QueryContext = {
    let path = ProcessInfo.processInfo.environment["PLANKIT_FUZZ_PLAN"] ?? "Examples/pst-citoyennete.tsv"
    let plans = (try? PlanReader().read(path: path)) ?? []
    return QueryContext(PlanSet(plans))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let query = try? Parser.parse(text) { _ = query.fieldsRead }
    if let compiled = try? Compiler.compile(text) {
        if let table = try? compiled.run(fuzzContext) {
            for format in OutputFormat.allCases { _ = format.render(table, options: .init(width: 80)) }
        }
    } else if let error = (try? Parser.parse(text)).map({ _ in nil }) ?? nil as QueryError? {
        _ = error.rendered(source: text)
    }
    return 0
}

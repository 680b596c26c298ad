import Foundation
import PlanKit
import PlanShell

/// Loads plan files for the commands, in parallel, reporting warnings on standard error.
public enum PlanLoader {
    /// Reads every file (and the plan files of every directory), parsing `fields` of each action;
    /// warnings go to standard error.
    ///
    /// - Throws: ``PlanReadError`` for the first file (in argument order) that cannot be read.
    public static func load(_ paths: [String], fields: PlanFields = .all, warnings report: Bool = true) throws(PlanReadError) -> PlanSet {
        let planSet = try PlanSet(reading: try PlanReader.planFiles(paths), fields: fields)
        if report { reportWarnings(planSet.plans) }
        return planSet
    }

    /// Writes every reader warning of `plans` to standard error, `file:line:column: warning: …`.
    public static func reportWarnings(_ plans: [Plan]) {
        for plan in plans { for warning in plan.warnings { Console.error(warning.description) } }
    }

    /// Reads the files on all cores, keeping argument order.
    public static func readAll(_ paths: [String], fields: PlanFields = .all) throws(PlanReadError) -> [Plan] {
        let results = ResultBox(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result: Result<[Plan], PlanReadError>
            do throws(PlanReadError) { result = .success(try PlanReader(fields: fields).read(path: paths[index])) } catch { result = .failure(error) }
            results.set(index, result)
        }
        var plans: [Plan] = []
        for result in results.values {
            switch result {
            case .success(let p): plans += p
            case .failure(let e): throw e
            case nil: continue
            }
        }
        return plans
    }

    /// Collects results from concurrent workers.
    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<[Plan], PlanReadError>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<[Plan], PlanReadError>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }
}

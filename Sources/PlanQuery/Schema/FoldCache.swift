import Foundation
import PlanKit

/// Remembers folded texts, so each value is folded once however many queries compare it.
///
/// Sendable because `cache` is read and written only while `lock` is held.
final class FoldCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    func folded(_ text: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[text] { return hit }
        let folded = TextFolding.fold(text)
        cache[text] = folded
        return folded
    }
}

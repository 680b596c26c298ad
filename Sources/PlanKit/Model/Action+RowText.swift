extension Action {
    /// The texts of a row's cells, one after another in one string, and where each ends.
    struct RowText: Sendable {
        /// The cells a row's text holds, in order.
        enum Part: Int {
            case title, code, deadline, ordinary, extraordinary, humanResources
        }

        /// The cells' texts, one after another, then any text appended.
        let text: String
        /// Where each part ends in ``text``, in UTF-8 bytes.
        private let titleEnd, codeEnd, deadlineEnd, ordinaryEnd, extraordinaryEnd, humanResourcesEnd: UInt32

        /// Joins the ranges of `bytes` of the six parts, valid UTF-8 each, and `appended` after them.
        init(
            _ bytes: [UInt8], title: Range<Int>, code: Range<Int>, deadline: Range<Int>, ordinary: Range<Int>,
            extraordinary: Range<Int>, humanResources: Range<Int>, appending appended: String = ""
        ) {
            let all = 0..<bytes.count
            let parts = (
                title.clamped(to: all), code.clamped(to: all), deadline.clamped(to: all), ordinary.clamped(to: all),
                extraordinary.clamped(to: all), humanResources.clamped(to: all))
            let ends = (
                parts.0.count, parts.0.count + parts.1.count, parts.0.count + parts.1.count + parts.2.count,
                parts.0.count + parts.1.count + parts.2.count + parts.3.count,
                parts.0.count + parts.1.count + parts.2.count + parts.3.count + parts.4.count,
                parts.0.count + parts.1.count + parts.2.count + parts.3.count + parts.4.count + parts.5.count)
            // A row's text is far shorter than 4 GiB: the ends clamp only what could not be read.
            (titleEnd, codeEnd, deadlineEnd) = (UInt32(clamping: ends.0), UInt32(clamping: ends.1), UInt32(clamping: ends.2))
            (ordinaryEnd, extraordinaryEnd, humanResourcesEnd) = (UInt32(clamping: ends.3), UInt32(clamping: ends.4), UInt32(clamping: ends.5))
            let joined = bytes.withUnsafeBufferPointer { source in
                String(unsafeUninitializedCapacity: ends.5) { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return 0 }
                    to.update(from: from + parts.0.lowerBound, count: parts.0.count)
                    (to + ends.0).update(from: from + parts.1.lowerBound, count: parts.1.count)
                    (to + ends.1).update(from: from + parts.2.lowerBound, count: parts.2.count)
                    (to + ends.2).update(from: from + parts.3.lowerBound, count: parts.3.count)
                    (to + ends.3).update(from: from + parts.4.lowerBound, count: parts.4.count)
                    (to + ends.4).update(from: from + parts.5.lowerBound, count: parts.5.count)
                    return ends.5
                }
            }
            text = appended.isEmpty ? joined : joined + appended
        }

        /// Where `part` is in ``text``, in UTF-8 bytes.
        func range(_ part: Part) -> Range<Int> {
            let bounds: (UInt32, UInt32) = switch part {
            case .title: (0, titleEnd)
            case .code: (titleEnd, codeEnd)
            case .deadline: (codeEnd, deadlineEnd)
            case .ordinary: (deadlineEnd, ordinaryEnd)
            case .extraordinary: (ordinaryEnd, extraordinaryEnd)
            case .humanResources: (extraordinaryEnd, humanResourcesEnd)
            }
            return clamped(Int(bounds.0)..<Int(bounds.1))
        }

        /// Where the text appended after the parts is, in UTF-8 bytes.
        var appendedRange: Range<Int> { clamped(Int(humanResourcesEnd)..<text.utf8.count) }

        /// `range` within ``text``.
        private func clamped(_ range: Range<Int>) -> Range<Int> {
            let end = text.utf8.count
            let lower = min(range.lowerBound, end)
            return lower..<max(lower, min(range.upperBound, end))
        }

        /// The text of `part`.
        subscript(_ part: Part) -> String {
            let range = range(part)
            if range.count == text.utf8.count { return text }
            return String(self[range])
        }

        /// The UTF-8 bytes `range` of ``text``, which fall on character boundaries.
        subscript(_ range: Range<Int>) -> Substring {
            let range = clamped(range)
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }
}

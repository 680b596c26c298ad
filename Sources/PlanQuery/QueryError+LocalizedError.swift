import Foundation

extension QueryError: LocalizedError {
    /// The message, so `localizedDescription` reads as the sentence itself.
    public var errorDescription: String? { message }
}

extension QueryError: CustomStringConvertible {
    /// `line:column: message`; ``rendered(source:name:lineOffset:)`` adds the query's line and a caret.
    public var description: String { "\(location.line):\(location.column): \(message)" }
}

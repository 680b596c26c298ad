extension Finding: CustomStringConvertible {
    /// `file:line:column: severity: message [rule]`, as the command line writes it; without a
    /// location, the message starts at the severity.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message) [\(rule)]"
    }
}

/// A problem found in the input, as data: tests compare codes and positions, the CLI prints them.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public let code: DiagnosticCode
    public let severity: Severity
    public let message: String
    public let location: SourceLocation?

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.location = location
    }

    /// `file:line:column: error[INV012]: message`, the shape compilers and editors understand.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue)[\(code.rawValue)]: \(message)"
    }
}

/// Collects diagnostics across stages so that every problem is reported in one run.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func emit(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        emit(Diagnostic(code, message, at: location))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics in file order, so output reads top to bottom like the inventory.
    public var sorted: [Diagnostic] { Self.sorted(diagnostics) }

    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// Raised by a stage that cannot go on; carries everything found so far.
public struct DiagnosticsError: Error, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

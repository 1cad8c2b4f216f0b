/// Why a host or label command changed nothing: diagnostics that name the rule and what to do
/// instead. A refused command leaves every file byte-identical.
public struct EditRefusal: Error, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil) {
        self.diagnostics = [Diagnostic(code, message, at: location)]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

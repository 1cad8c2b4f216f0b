/// The text `sysinvc explain` prints for what `Explanation.find` found: the value (masked in
/// secure files unless revealed), the plugin, the inventory lines quoted, and what it replaced.
public enum ExplanationReport {
    public static func text(_ explanations: [Explanation], reveal: Bool) -> String {
        let lines = SourceLines()
        var out: [String] = []
        for explanation in explanations {
            let masked = explanation.file.isSecure && !reveal
            out.append("\(explanation.key) in \(explanation.path)")
            out.append("  value:  \(masked ? "******** (secure file; --reveal shows it)" : inline(explanation.value))")
            out.append("  plugin: \(explanation.provenance.plugin)")
            let sources = explanation.provenance.sources
            if sources.isEmpty {
                out.append("  from:   a constant of the plugin")
            } else {
                for source in sources.prefix(12) {
                    var quoted = lines.text(at: source)
                    // A secret given in clear in the inventory (a service parameter) is masked where it is quoted too.
                    if masked, case let .string(secret) = explanation.value, !secret.isEmpty {
                        quoted = quoted.replacingOccurrences(of: secret, with: SecretMask.mask)
                    }
                    out.append("  from:   \(source)  \(quoted)")
                }
                if sources.count > 12 { out.append("          … and \(sources.count - 12) more") }
            }
            for replaced in explanation.provenance.replaced {
                out.append("  replaced: \(masked ? "********" : inline(replaced.value)) written by \(replaced.plugin)")
            }
        }
        return out.map { $0 + "\n" }.joined()
    }

    /// A scalar on the line; a list or mapping as indented YAML below it.
    static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .list, .map: break
        default: return YAMLRenderer.render(.list([value])).dropFirst(2).trimmingCharacters(in: .newlines)
        }
        let text = YAMLRenderer.render(value).trimmingCharacters(in: .newlines)
        return text.contains("\n") ? "\n" + text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") : text
    }
}

/// Reads inventory lines on demand to quote them next to their positions.
final class SourceLines {
    private var cache: [String: [Substring]] = [:]

    func text(at location: SourceLocation) -> String {
        if cache[location.file] == nil {
            let text = (try? InputFile.text(location.file).get()) ?? ""
            cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = cache[location.file]!
        guard location.line >= 1, location.line <= lines.count else { return "" }
        return "| " + lines[location.line - 1].trimmingCharacters(in: .whitespaces)
    }
}

import ArgumentParser
import Compiler
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say which plugin wrote a hiera value, from which inventory lines, and what it replaced."
    )

    @Argument(help: "The hiera key, e.g. platform::params::hostname.") var key: String
    @Option(name: .shortAndLong, help: "The inventory file.") var inventory: String = "inventory.yaml"
    @Option(help: "Look in this host's file instead of the system-wide files.") var host: String?
    @Flag(help: "Show values of secure files unmasked.") var reveal = false
    @OptionGroup var flags: CompileFlags

    func run() throws {
        let result = try runPipeline(flags.pipeline, inventory: inventory)
        let validated = result.inventory!, tree = result.tree!
        if let host, validated.host(named: host) == nil {
            throw ValidationError("no host \(host) in \(inventory); hosts: \(validated.hosts.map(\.name).joined(separator: ", "))")
        }
        let found = Explanation.find(key, host: host, in: tree, inventory: validated, options: flags.pipeline.options)
        guard !found.isEmpty else {
            let prefix = key.components(separatedBy: "::").dropLast().joined(separator: "::")
            let nearby = Explanation.keys(matching: prefix, in: tree).prefix(10)
            var message = "\(key) is not in the \(host.map { "hiera file of \($0)" } ?? "system-wide hiera files")"
            if host == nil { message += " (use --host NAME for host keys)" }
            if !nearby.isEmpty { message += "; keys under \(prefix): \(nearby.joined(separator: ", "))" }
            throw ValidationError(message)
        }
        let lines = SourceLines()
        for explanation in found {
            let masked = explanation.file.isSecure && !reveal
            print("\(explanation.key) in \(explanation.path)")
            print("  value:  \(masked ? "******** (secure file; --reveal shows it)" : render(explanation.value))")
            print("  plugin: \(explanation.provenance.plugin)")
            let sources = explanation.provenance.sources
            if sources.isEmpty {
                print("  from:   a constant of the plugin")
            } else {
                for source in sources.prefix(12) {
                    var quoted = lines.text(at: source)
                    // A secret given in clear in the inventory (a service parameter) is masked where it is quoted too.
                    if masked, case let .string(secret) = explanation.value, !secret.isEmpty {
                        quoted = quoted.replacingOccurrences(of: secret, with: SecretMask.mask)
                    }
                    print("  from:   \(source)  \(quoted)")
                }
                if sources.count > 12 { print("          … and \(sources.count - 12) more") }
            }
            for replaced in explanation.provenance.replaced {
                print("  replaced: \(masked ? "********" : render(replaced.value)) written by \(replaced.plugin)")
            }
        }
    }

    func render(_ value: YAMLValue) -> String {
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
            let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
            cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = cache[location.file]!
        guard location.line >= 1, location.line <= lines.count else { return "" }
        return "| " + lines[location.line - 1].trimmingCharacters(in: .whitespaces)
    }
}

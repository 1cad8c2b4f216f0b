import ArgumentParser
import Compiler
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
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
        print(ExplanationReport.text(found, reveal: reveal), terminator: "")
    }
}

import ArgumentParser
import Compiler
import Foundation

struct CompileFleet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-fleet",
        abstract: "Compile many inventories in one process on every core, each into OUTROOT/<name>.",
        discussion: """
            An inventory file writes OUTROOT/<file name without .yaml>; a directory writes OUTROOT/<directory name> from its \
            inventory.yaml. A system that fails is reported with its inventory and does not stop the others. Exit status 0: \
            every system compiled; 2: at least one failed (the others were written).
            """
    )

    @Argument(help: "Inventory files, or directories holding an inventory.yaml.") var inventories: [String] = []
    @Option(name: .customLong("from"), help: "A file listing inventories (files or directories), one per line; # starts a comment.")
    var list: String?
    @Option(name: .shortAndLong, help: "The output root.") var output: String
    @Option(help: "How many systems compile at once (default: the number of cores).") var jobs: Int?
    @OptionGroup var flags: CompileFlags

    func validate() throws {
        if inventories.isEmpty && list == nil { throw ValidationError("name inventories, or a list of them with --from") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        var paths = inventories
        if let list {
            switch InputFile.text(list) {
            case let .success(text):
                paths += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            case let .failure(refusal):
                fail("\(list) \(refusal.message)")
            }
        }
        let members: [Fleet.Member]
        do {
            members = try Fleet.members(paths)
        } catch {
            fail(error.description)
        }
        let fleet = Fleet(pipeline: flags.pipeline, outputRoot: output)
        let progress = FleetProgress(total: members.count, terminal: isatty(STDERR_FILENO) == 1)
        let started = Date()
        let outcomes = await fleet.compile(members, width: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { progress.finished($0) }
        progress.close()
        print(FleetSummary.table(outcomes, seconds: Date().timeIntervalSince(started)), terminator: "")
        if outcomes.contains(where: { !$0.succeeded }) { throw ExitCode(Status.invalidInput) }
    }
}

/// What the fleet prints while it runs, on stderr: a bar redrawn in place on a terminal, one
/// line per system otherwise (a log, a CI job). Each system's diagnostics are printed as it
/// finishes.
final class FleetProgress {
    let total: Int
    let terminal: Bool
    private var done = 0
    private var failed = 0

    init(total: Int, terminal: Bool) {
        self.total = total
        self.terminal = terminal
    }

    func finished(_ outcome: Fleet.Outcome) {
        done += 1
        if !outcome.succeeded { failed += 1 }
        var lines = outcome.diagnostics.map(\.description)
        if !outcome.succeeded {
            lines.append("\(outcome.member.inventory): failed\(outcome.failure.map { ": \($0)" } ?? ""); nothing was written to \(outcome.member.name)/")
        }
        if terminal {
            let width = 30, filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            write("\r\u{1B}[K" + lines.map { $0 + "\n" }.joined() + "[\(bar)] \(done)/\(total)" + (failed > 0 ? ", \(failed) failed" : ""))
        } else {
            lines.append("[\(done)/\(total)] \(outcome.member.name): \(outcome.succeeded ? "ok" : "failed")")
            write(lines.map { $0 + "\n" }.joined())
        }
    }

    func close() {
        if terminal && total > 0 { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

enum FleetSummary {
    static func table(_ outcomes: [Fleet.Outcome], seconds: Double) -> String {
        let succeeded = outcomes.filter(\.succeeded)
        let written = succeeded.reduce(0) { $0 + ($1.report?.written.count ?? 0) }
        let unchanged = succeeded.reduce(0) { $0 + ($1.report?.unchanged.count ?? 0) }
        let errors = outcomes.reduce(0) { total, outcome in
            total + max(outcome.diagnostics.filter { $0.severity == .error }.count, outcome.succeeded ? 0 : 1)
        }
        let perSystem = outcomes.isEmpty ? 0 : seconds * 1000 / Double(outcomes.count)
        return Table(headers: ["systems", "compiled", "failed", "files written", "files unchanged", "errors", "time"], rows: [[
            "\(outcomes.count)", "\(succeeded.count)", "\(outcomes.count - succeeded.count)", "\(written)", "\(unchanged)", "\(errors)",
            String(format: "%.2f s (%.1f ms per system)", seconds, perSystem),
        ]]).rendered
    }
}

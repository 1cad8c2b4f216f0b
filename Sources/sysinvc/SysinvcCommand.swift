import ArgumentParser
import Compiler
import Foundation
import Plugins

@main
struct Sysinvc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sysinvc",
        abstract: "Compile a StarlingX-style inventory into puppet hiera, openrc and the platform's other configuration.",
        subcommands: [Compile.self, CompileFleet.self, Check.self, Validate.self, Plugins.self, Explain.self, Schema.self, Keygen.self,
                      HostLabelAssign.self, HostLabelList.self, HostLabelRemove.self, HostUpdate.self, HostImport.self, HostExport.self, HostLock.self, HostUnlock.self, HostAdd.self, HostDelete.self, HelmOverrideList.self, HelmOverrideShow.self, HelmOverrideUpdate.self, HelmOverrideDelete.self,
                      ApplicationUpload.self, ApplicationList.self, ApplicationRemove.self]
    )
}

/// Options every command that compiles shares.
struct CompileFlags: ParsableArguments {
    @Option(name: .customLong("host-files"), help: "Name host hiera files by hostname, or by management address as sysinv did in 2019 (mgmt-ip).")
    var hostFiles: CompileOptions.HostFileNaming = .hostname

    @Option(name: .customLong("secret-key"), help: "Key file secrets are derived from; overrides secrets.key_file of the inventory.")
    var secretKey: String?

    @Option(help: "A directory of charts (<dir>/<chart>/values.yaml): warn about override paths a chart does not know.")
    var charts: String?

    var pipeline: Pipeline {
        Pipeline.standard(options: CompileOptions(hostFileNaming: hostFiles, chartsDirectory: charts), secretKeyFile: secretKey)
    }
}

extension CompileOptions.HostFileNaming: ExpressibleByArgument {}

/// Exit statuses scripts rely on.
enum Status {
    static let differs: Int32 = 1
    static let invalidInput: Int32 = 2
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
        FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"); nothing was written\n".utf8))
    }
}

/// Keeps a command's large result (a compiled tree) alive until the process exits, which it is
/// about to do: releasing thousands of values one by one would only cost time.
func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(KeptUntilExit(value))
}

private final class KeptUntilExit<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Prints `message` as an error and exits with status 2: the run changed nothing.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    Sysinvc.exit(withError: ExitCode(Status.invalidInput))
}

/// Holds the inventory's lock (shared for a compile, alone for an edit) for the life of the
/// returned value; a lock that cannot be had is an error, exit 2.
func lockInventory(_ path: String, exclusive: Bool) -> FileLock? {
    do {
        return exclusive ? try FileLock.inventoryForEdit(path) : try FileLock.inventory(path, exclusive: false)
    } catch {
        fail(error.description)
    }
}

/// Runs the pipeline, printing diagnostics; exits with status 2 when the input is invalid.
func runPipeline(_ pipeline: Pipeline, inventory: String) throws -> Pipeline.Result {
    let lock = lockInventory(inventory, exclusive: false)
    defer { withExtendedLifetime(lock) {} }
    let result: Pipeline.Result
    do {
        result = try pipeline.run(path: inventory)
    } catch {
        fail("\(error)")
    }
    printDiagnostics(result.diagnostics)
    guard result.rendered != nil, !result.hasErrors else { throw ExitCode(Status.invalidInput) }
    return result
}

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Compile an inventory into an output tree (the main job).")

    @Argument(help: "The inventory file.") var inventory: String
    @Option(name: .shortAndLong, help: "Output directory.") var output: String
    @OptionGroup var flags: CompileFlags
    @Flag(help: "Print how long each stage took (load, validate, secrets, generate, render, write) to standard error.")
    var timings = false

    func run() throws {
        let result = try runPipeline(flags.pipeline, inventory: inventory)
        defer { keepUntilExit(result) }
        var clock = StageClock()
        let report: TreeWriter.Report
        do {
            report = try clock.time("write") { try TreeWriter.write(result.rendered!, to: output) }
        } catch {
            fail("\(error)")
        }
        if timings {
            FileHandle.standardError.write(Data((result.timings + clock.timings).map { $0.description + "\n" }.joined().utf8))
        }
        for kept in report.kept {
            FileHandle.standardError.write(Data("warning: \(kept)\n".utf8))
        }
        print("\(output): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare what an inventory compiles to with a golden tree.",
        discussion: "Exit status 0: same; 1: differs (a unified diff is printed, secrets masked unless --reveal); 2: invalid input or no golden directory."
    )

    @Argument(help: "The inventory file.") var inventory: String
    @Option(help: "The expected output tree.") var golden: String
    @OptionGroup var flags: CompileFlags

    @Flag(help: "Show secrets in the diff instead of ********.") var reveal = false

    func run() throws {
        let pipeline = flags.pipeline
        let result = try runPipeline(pipeline, inventory: inventory)
        let rendered = result.rendered!
        var secrets: SecretLines?
        if !reveal {
            guard let shadow = pipeline.shadowTree(of: result) else { fail("cannot tell the secrets apart to mask them; run with --reveal") }
            secrets = SecretLines(rendered, shadow: shadow)
        }
        let comparison: GoldenCheck.Result
        do {
            comparison = try GoldenCheck.compare(rendered, with: golden, secrets: secrets)
        } catch {
            fail(error.description)
        }
        guard !comparison.matches else { return }
        print(comparison.differences.joined(), terminator: "")
        throw ExitCode(Status.differs)
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an inventory and print its diagnostics; writes nothing.",
        discussion: "Loads the secrets and compiles in memory as compile does, so an inventory that validates compiles."
    )

    @Argument(help: "The inventory file.") var inventory: String
    @OptionGroup var flags: CompileFlags

    func run() throws {
        _ = try runPipeline(flags.pipeline, inventory: inventory)
        print("\(inventory): valid")
    }
}

struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: "List the plugins in the order they run, with what each reads and writes.")

    @Option(help: "table, json, or markdown (the README's plugin table)") var format: PluginsFormat = .table

    func run() throws {
        let descriptions = PluginRegistry.all.map(\.description)
        switch format {
        case .markdown:
            print(PluginTable.markdown(descriptions), terminator: "")
        case .json:
            let rows = descriptions.map { ["identifier": $0.identifier, "summary": $0.summary, "reads": $0.reads, "writes": $0.writes.map(\.description), "overrides": $0.overrides.map(\.description)] as [String: Any] }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            for description in descriptions {
                print("\(description.identifier)  \(description.summary)")
                print("    reads:  \(description.reads.joined(separator: ", "))")
                print("    writes: \(description.writes.map(\.description).joined(separator: ", "))")
                if !description.overrides.isEmpty { print("    overrides: \(description.overrides.map(\.description).joined(separator: ", "))") }
            }
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument {
    case table, json
}

enum PluginsFormat: String, ExpressibleByArgument {
    case table, json, markdown
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the inventory's JSON Schema, for editors.")

    func run() throws {
        print(InventorySchema.jsonSchema(), terminator: "")
    }
}

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Create a key file that secrets are derived from (mode 0600). Keep it out of git.")

    @Argument(help: "Where to write the key.") var file: String

    func run() throws {
        var generator = SystemRandomNumberGenerator()
        let hex = Hex.lowercase((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        do {
            try AtomicFile.create(file, with: Data((hex + "\n").utf8), mode: 0o600)
        } catch {
            let hint = FileManager.default.fileExists(atPath: file) ? "; a new key would change every secret: remove it first if that is what you want" : ""
            fail("\(error)\(hint)")
        }
        print("wrote \(file)")
    }
}

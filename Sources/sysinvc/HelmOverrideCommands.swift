import ArgumentParser
import Compiler
import Foundation
import Plugins

/// The chart an override command acts on, as StarlingX's `system helm-override-*` names it.
struct ChartArguments: ParsableArguments {
    @Argument(help: "The application, e.g. stx-openstack.") var application: String
    @Argument(help: "The chart, e.g. nova.") var chart: String
    @Argument(help: "The namespace, e.g. openstack.") var namespace: String
    @Option(name: .shortAndLong, help: "The inventory file; user overrides live in helm-overrides/ beside it.") var inventory: String = "inventory.yaml"

    var store: UserOverrideStore { UserOverrideStore(inventoryPath: inventory) }

    func resolve() throws {
        try helmCommand { () throws(HelmOverrideError) in
            _ = try Pipeline.standard().catalog(inventory: inventory).catalog.chart(chart, namespace: namespace, application: application)
        }
    }

    /// System, user and combined overrides; exits 2 when the inventory or the store is invalid.
    func overrides(secretKey: String?) throws -> ChartOverrides {
        let (overrides, diagnostics) = try helmCommand { () throws(HelmOverrideError) in
            try Pipeline.standard(secretKeyFile: secretKey).chartOverrides(inventory: inventory, application: application, chart: chart,
                                                                           namespace: namespace)
        }
        printDiagnostics(diagnostics)
        guard let overrides else { throw ExitCode(Status.invalidInput) }
        return overrides
    }
}

/// Runs `body`, turning a refusal into a message on stderr and exit status 2.
func helmCommand<T>(_ body: () throws(HelmOverrideError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(Status.invalidInput)
    }
}

func printChartWarnings(_ overrides: ChartOverrides, charts: String?) {
    guard let charts else { return }
    printDiagnostics(ChartValuesCheck.diagnostics(overrides, chartsDirectory: charts))
}

struct HelmOverrideList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm-override-list",
        abstract: "List the charts of an application (or of all) with their namespaces and where user overrides exist."
    )

    @Argument(help: "The application; all when omitted.") var application: String?
    @Option(help: "table or json") var format: OutputFormat = .table
    @Option(name: .shortAndLong, help: "The inventory file; user overrides live in helm-overrides/ beside it.") var inventory: String = "inventory.yaml"

    func run() throws {
        let (catalog, diagnostics) = Pipeline.standard().catalog(inventory: inventory)
        printDiagnostics(diagnostics)
        let applications = try application.map { name in try helmCommand { () throws(HelmOverrideError) in [try catalog.application(name)] } }
            ?? catalog.applications
        let stored = UserOverrideStore(inventoryPath: inventory).entries()
        let rows = applications.flatMap { application in
            ApplicationCatalog.unique(application.charts.map(\.name)).map { chart in
                (application: application.name, chart: chart, namespaces: application.charts.filter { $0.name == chart }.map(\.namespace),
                 user: stored.filter { $0.application == application.name && $0.chart == chart }.map(\.namespace))
            }
        }
        switch format {
        case .json:
            let charts = rows.map { ["application": $0.application, "name": $0.chart, "namespaces": $0.namespaces, "user_overrides": $0.user] as [String: Any] }
            let data = try JSONSerialization.data(withJSONObject: ["charts": charts], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            var table = [["application", "chart name", "overrides namespaces", "user overrides"]]
            table += rows.map { [$0.application, $0.chart, $0.namespaces.joined(separator: ", "), $0.user.joined(separator: ", ")] }
            if application != nil { table = table.map { Array($0.dropFirst()) } }
            print(Table(headers: table[0], rows: Array(table.dropFirst())).rendered, terminator: "")
        }
    }
}

struct HelmOverrideShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm-override-show",
        abstract: "Show a chart's system, user and combined overrides (secrets masked unless --reveal).",
        discussion: "--format helm writes the combined overrides as a values file, --format armada as an armada/Chart/v1 document."
    )

    enum Format: String, ExpressibleByArgument {
        case yaml, helm, armada
    }

    @OptionGroup var target: ChartArguments
    @Flag(help: "Show passwords and keys instead of ********.") var reveal = false
    @Option(help: "yaml (all three views), helm or armada (the combined overrides only).") var format: Format = .yaml
    @Option(help: "Write the output to this file (mode 0600) instead of stdout.") var file: String?
    @Option(help: "A directory of charts (<dir>/<chart>/values.yaml): warn about override paths the chart does not know.") var charts: String?
    @Option(name: .customLong("secret-key"), help: "Key file secrets are derived from; overrides secrets.key_file of the inventory.") var secretKey: String?

    func run() throws {
        let overrides = try target.overrides(secretKey: secretKey)
        printChartWarnings(overrides, charts: charts)
        func shown(_ values: [String: YAMLValue]) -> YAMLValue {
            .map(reveal ? values : SecretMask.masked(values, secrets: overrides.secrets))
        }
        let document: YAMLValue
        switch format {
        case .yaml:
            document = [
                "name": .string(overrides.chart), "namespace": .string(overrides.namespace), "application": .string(overrides.application),
                "system_overrides": shown(overrides.system), "user_overrides": shown(overrides.user),
                "combined_overrides": shown(overrides.combined),
            ]
        case .helm:
            document = shown(overrides.combined)
        case .armada:
            guard case let .map(values) = shown(overrides.combined), let armada = overrides.armadaDocument(combined: values) else {
                fail("the armada manifest of \(overrides.application) does not deploy \(overrides.chart) in \(overrides.namespace); use --format helm")
            }
            document = armada
        }
        let text = YAMLRenderer.render(document)
        guard let file else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.create(file, with: Data(text.utf8), mode: 0o600)
        } catch {
            fail("\(error); name a new file")
        }
    }
}

struct HelmOverrideUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm-override-update",
        abstract: "Update a chart's user overrides from values files, --set and --set-string.",
        discussion: """
            Values are assembled as helm does: files merged in order, then every --set, then every --set-string. \
            --reuse-values starts from the stored overrides, --reset-values (the default) from nothing. \
            Keys holding passwords or keys the system generates are refused unless --force.
            """
    )

    @OptionGroup var target: ChartArguments
    @Option(name: .customLong("values"), help: "A YAML values file (repeatable).") var valuesFiles: [String] = []
    @Option(name: .customLong("set"), help: "K=V in helm's --set syntax (repeatable).") var sets: [String] = []
    @Option(name: .customLong("set-string"), help: "K=V with every value kept a string (repeatable).") var setStrings: [String] = []
    @Flag(name: .customLong("reuse-values"), help: "Merge into the stored user overrides.") var reuseValues = false
    @Flag(name: .customLong("reset-values"), help: "Replace the stored user overrides (the default).") var resetValues = false
    @Flag(help: "Allow overriding system-generated passwords and keys.") var force = false
    @Option(help: "A directory of charts (<dir>/<chart>/values.yaml): warn about override paths the chart does not know.") var charts: String?
    @Option(name: .customLong("secret-key"), help: "Key file secrets are derived from; overrides secrets.key_file of the inventory.") var secretKey: String?

    func validate() throws {
        if reuseValues && resetValues { throw ValidationError("--reuse-values and --reset-values exclude each other") }
    }

    func run() throws {
        let lock = lockInventory(target.inventory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        let current = try target.overrides(secretKey: secretKey)
        var files: [OverrideUpdate.ValuesFileText] = []
        for path in valuesFiles {
            switch InputFile.text(path) {
            case let .success(text):
                files.append(.init(path: path, text: text))
            case let .failure(refusal):
                return try helmCommand { () throws(HelmOverrideError) in throw .unreadableFile(path: path, reason: refusal.message) }
            }
        }
        let update = OverrideUpdate(mode: reuseValues ? .reuse : .reset, valuesFiles: files, sets: sets, setStrings: setStrings, force: force)
        let user = try helmCommand { () throws(HelmOverrideError) in try update.apply(to: current) }
        do {
            try target.store.write(user, application: target.application, chart: target.chart, namespace: target.namespace)
        } catch {
            fail("\(error); the stored overrides were left as they were")
        }
        printChartWarnings(current.with(user: user), charts: charts)
        print(YAMLRenderer.render([
            "name": .string(target.chart), "namespace": .string(target.namespace),
            "user_overrides": .map(SecretMask.masked(user, secrets: current.secrets)),
        ]), terminator: "")
    }
}

struct HelmOverrideDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm-override-delete",
        abstract: "Delete a chart's user overrides; the system overrides still apply."
    )

    @OptionGroup var target: ChartArguments

    func run() throws {
        try target.resolve()
        let lock = lockInventory(target.inventory, exclusive: true)
        defer { withExtendedLifetime(lock) {} }
        let deleted: Bool
        do {
            deleted = try target.store.delete(application: target.application, chart: target.chart, namespace: target.namespace)
        } catch {
            fail("\(error)")
        }
        print(deleted ? "Deleted chart overrides for \(target.chart):\(target.namespace)"
                      : "No user overrides for \(target.chart):\(target.namespace)")
    }
}

/// The whole compiler as named stages, so that the CLI and tests can run it to any point:
/// load → validate → generate → render (→ write or check).
public struct Pipeline: Sendable {
    public let plugins: [any ConfigPlugin]
    /// The built-in applications; uploaded ones join them in the catalog.
    public let applications: [CatalogApplication]
    public var options: CompileOptions
    /// A key file given on the command line, which wins over the inventory's.
    public var secretKeyFile: String?

    public init(plugins: [any ConfigPlugin], applications: [CatalogApplication] = [], options: CompileOptions = CompileOptions(),
                secretKeyFile: String? = nil) {
        self.plugins = plugins
        self.applications = applications
        self.options = options
        self.secretKeyFile = secretKeyFile
    }

    /// Everything a run produced; `tree` and `rendered` are nil when an error stopped it.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var inventory: ValidatedInventory?
        public var tree: OutputTree?
        public var rendered: RenderedTree?
        /// The secrets the tree was generated with.
        public var secrets: SecretStore?
        /// How long each stage that ran took, in order (`compile --timings`).
        public var timings: [StageTiming] = []

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `replacing` gives the text of files as an edit would leave them, so that an edit is
    /// validated exactly as a compile would validate it, before anything is written.
    public func validate(path: String, replacing edited: [String: String] = [:]) -> Result {
        validate(InventoryLoader.load(path: path, replacing: edited))
    }

    /// Validates inventory text that is not on disk (editors, documentation).
    public func validate(text: String, file: String) -> Result {
        validate(InventoryLoader.load(text: text, file: file))
    }

    private func validate(_ loaded: (inventory: Inventory?, diagnostics: [Diagnostic])) -> Result {
        var result = Result()
        let (inventory, loadDiagnostics) = loaded
        result.diagnostics = loadDiagnostics
        guard let inventory else { return result }
        let (candidate, validationDiagnostics) = Validator.check(inventory, applications: applications)
        let pluginDiagnostics = plugins.flatMap { $0.check(candidate) }
        result.diagnostics = DiagnosticCollector.sorted(result.diagnostics + validationDiagnostics + pluginDiagnostics)
        result.inventory = result.hasErrors ? nil : candidate
        return result
    }

    public func run(path: String) throws -> Result {
        var clock = StageClock()
        var result = try run(path: path, clock: &clock)
        result.timings = clock.timings
        return result
    }

    private func run(path: String, clock: inout StageClock) throws -> Result {
        let loaded = clock.time("load") { InventoryLoader.load(path: path, replacing: [:]) }
        var result = clock.time("validate") { validate(loaded) }
        guard let inventory = result.inventory, !result.hasErrors else { return result }
        let (secrets, secretDiagnostics) = clock.time("secrets") { SecretStore.load(for: inventory.inventory, keyFile: secretKeyFile) }
        result.diagnostics += secretDiagnostics
        guard let secrets else { return result }
        let tree: OutputTree
        do {
            tree = try clock.time("generate") { try Generator(plugins: plugins, options: options).generate(inventory, secrets: secrets) }
        } catch {
            result.diagnostics.append(try Self.diagnostic(for: error, at: SourceLocation(file: inventory.inventory.files.first ?? path, line: 1, column: 1)))
            return result
        }
        result.diagnostics += tree.warnings + secrets.unrequestedOverrides()
        if let charts = options.chartsDirectory {
            result.diagnostics += tree.charts.flatMap { ChartValuesCheck.diagnostics($0, chartsDirectory: charts) }
        }
        guard !result.hasErrors else { return result }
        result.tree = tree
        result.rendered = clock.time("render") { TreeRenderer.render(tree) }
        result.secrets = secrets
        return result
    }

    /// What stopped generation, as a diagnostic with its code; an error of any other kind is
    /// rethrown.
    static func diagnostic(for error: any Error, at location: SourceLocation) throws -> Diagnostic {
        switch error {
        case let collision as OutputPathCollision:
            return Diagnostic(collision.isBetweenWriters ? .pluginOutputCollision : .outputCollision, collision.description, at: location)
        case let write as UndeclaredWrite:
            return Diagnostic(.undeclaredWrite, write.description, at: location)
        case let override as UndeclaredOverride:
            return Diagnostic(.undeclaredOverride, override.description, at: location)
        default:
            throw error
        }
    }

    /// The tree of a successful run generated again with shadow secrets (`SecretStore.shadow`):
    /// every line that differs from the real tree holds a secret, which is how `check` and the
    /// secrets audit find them.
    public func shadowTree(of result: Result) -> RenderedTree? {
        guard let inventory = result.inventory, let secrets = result.secrets,
              let tree = try? Generator(plugins: plugins, options: options).generate(inventory, secrets: secrets.shadow()) else { return nil }
        return TreeRenderer.render(tree)
    }
}

/// The whole compiler as named stages, so that the CLI and tests can run it to any point:
/// load → validate → generate → render (→ write or check).
public struct Pipeline: Sendable {
    public let plugins: [any ConfigPlugin]
    public var options: CompileOptions
    /// A key file given on the command line, which wins over the inventory's.
    public var secretKeyFile: String?

    public init(plugins: [any ConfigPlugin], options: CompileOptions = CompileOptions(), secretKeyFile: String? = nil) {
        self.plugins = plugins
        self.options = options
        self.secretKeyFile = secretKeyFile
    }

    /// Everything a run produced; `tree` and `rendered` are nil when an error stopped it.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var inventory: ValidatedInventory?
        public var tree: OutputTree?
        public var rendered: RenderedTree?

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
        let (candidate, validationDiagnostics) = Validator.check(inventory)
        let pluginDiagnostics = plugins.flatMap { $0.check(candidate) }
        result.diagnostics = DiagnosticCollector.sorted(result.diagnostics + validationDiagnostics + pluginDiagnostics)
        result.inventory = result.hasErrors ? nil : candidate
        return result
    }

    public func run(path: String) throws -> Result {
        var result = validate(path: path)
        guard let inventory = result.inventory, !result.hasErrors else { return result }
        let (secrets, secretDiagnostics) = SecretStore.load(for: inventory.inventory, keyFile: secretKeyFile)
        result.diagnostics += secretDiagnostics
        guard let secrets else { return result }
        let tree = try Generator(plugins: plugins, options: options).generate(inventory, secrets: secrets)
        result.diagnostics += tree.warnings + secrets.unrequestedOverrides()
        guard !result.hasErrors else { return result }
        result.tree = tree
        result.rendered = TreeRenderer.render(tree)
        return result
    }
}

/// What a plugin is, for people and for the framework: `sysinvc plugins`, the README table and
/// override checks all read this.
public struct PluginDescription: Sendable {
    /// sysinv's entry-point name, e.g. `001_platform`; the registry keeps this order.
    public let identifier: String
    public let summary: String
    /// Inventory fields the plugin reads.
    public let reads: [String]
    /// Hiera keys and output files it writes; the generator stops at a write outside them.
    public let writes: [WritePattern]
    /// Keys it may replace after an earlier plugin wrote them; replacing a key is writing it, so
    /// these need not be repeated in `writes`.
    public let overrides: [HieraKeyPattern]

    /// The hiera keys of `writes` and `overrides` sorted for lookup: every key a hook sets is
    /// checked against them.
    private let writableKeys: KeyIndex
    private let overridableKeys: KeyIndex

    public init(identifier: String, summary: String, reads: [String], writes: [WritePattern], overrides: [HieraKeyPattern] = []) {
        self.identifier = identifier
        self.summary = summary
        self.reads = reads
        self.writes = writes
        self.overrides = overrides
        overridableKeys = KeyIndex(overrides)
        writableKeys = KeyIndex(overrides + writes.compactMap { if case let .hieraKeys(pattern) = $0 { pattern } else { nil } },
                                anyKey: writes.contains { if case .keysNamedByInventory = $0 { true } else { false } })
    }

    func mayOverride(_ key: String) -> Bool {
        overridableKeys.contains(key)
    }

    func mayWrite(key: String) -> Bool {
        writableKeys.contains(key)
    }

    func mayWrite(path: String) -> Bool {
        writes.contains { if case let .files(pattern) = $0 { pattern.matches(path) } else { false } }
    }
}

/// Hiera key patterns as a set of whole keys and a list of class prefixes (`…::`).
private struct KeyIndex: Sendable {
    let keys: Set<String>
    let prefixes: [String]
    let anyKey: Bool

    init(_ patterns: [HieraKeyPattern], anyKey: Bool = false) {
        keys = Set(patterns.filter { !$0.isClassPrefix }.map(\.description))
        prefixes = patterns.filter(\.isClassPrefix).map(\.description)
        self.anyKey = anyKey
    }

    func contains(_ key: String) -> Bool {
        anyKey || keys.contains(key) || prefixes.contains { key.hasPrefix($0) }
    }
}

/// Everything a plugin may read: the validated inventory, the secrets, the helm stage's chart
/// overrides, and what earlier plugins wrote to the file being generated.
public struct PluginContext: Sendable {
    public let inventory: ValidatedInventory
    public let secrets: SecretStore
    public let options: CompileOptions
    /// Every chart's overrides of every applied application (`ApplicationCatalog.appliedCharts`),
    /// computed once, for `files` and `review`. Empty in the hiera hooks, which run while the
    /// charts are computed (sysinv's puppet plugins never read helm overrides either).
    public let charts: [ChartOverrides]
    /// The file the current hook writes, as built so far by earlier plugins.
    public let earlier: HieraDocument
}

/// One of sysinv's puppet plugins, or a plugin writing another artifact. Every hook has an empty
/// default, so a plugin implements only what it emits.
public protocol ConfigPlugin: Sendable {
    var description: PluginDescription { get }
    func staticConfig(_ context: PluginContext) -> HieraData
    func secureStaticConfig(_ context: PluginContext) -> HieraData
    func systemConfig(_ context: PluginContext) -> HieraData
    func secureSystemConfig(_ context: PluginContext) -> HieraData
    func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData
    /// Artifacts other than hiera (openrc, kubeadm configuration, manifests).
    func files(_ context: PluginContext) -> [OutputFile]
    /// Rules only this plugin knows (a Kubernetes version kubeadm cannot configure), run in the
    /// same pass as validation so that every problem is reported in one run. The inventory may
    /// hold what validation refused (a duplicate MAC, an address left unallocated): read only
    /// what the rule is about.
    func check(_ inventory: ValidatedInventory) -> [Diagnostic]
    /// Warnings about what was generated (an override path the chart does not know), run after
    /// generation with the same context `files` gets.
    func review(_ context: PluginContext) -> [Diagnostic]
}

extension ConfigPlugin {
    public func staticConfig(_ context: PluginContext) -> HieraData { HieraData() }
    public func secureStaticConfig(_ context: PluginContext) -> HieraData { HieraData() }
    public func systemConfig(_ context: PluginContext) -> HieraData { HieraData() }
    public func secureSystemConfig(_ context: PluginContext) -> HieraData { HieraData() }
    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData { HieraData() }
    public func files(_ context: PluginContext) -> [OutputFile] { [] }
    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] { [] }
    public func review(_ context: PluginContext) -> [Diagnostic] { [] }
}

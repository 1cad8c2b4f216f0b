/// The hiera files sysinv writes, one per operator entry point.
public enum HieraFile: Hashable, Sendable, CustomStringConvertible {
    case staticConfig
    case secureStatic
    case system
    case secureSystem
    case host(String)

    /// Secure files hold secrets: written 0600 and never shown unmasked.
    public var isSecure: Bool {
        switch self {
        case .secureStatic, .secureSystem: return true
        default: return false
        }
    }

    /// About how many keys plugins write into the file (a host's few dozen, the system's few
    /// hundred), so that its table is made large enough once rather than grown step by step.
    var expectedKeys: Int {
        switch self {
        case .host: 64
        case .system: 256
        default: 16
        }
    }

    public var description: String {
        switch self {
        case .staticConfig: return "static"
        case .secureStatic: return "secure_static"
        case .system: return "system"
        case .secureSystem: return "secure_system"
        case let .host(name): return "host \(name)"
        }
    }
}

/// One hiera key as a plugin set it, with the inventory lines its value came from.
public struct HieraEntry: Sendable {
    public let key: String
    public let value: YAMLValue
    public let sources: [SourceLocation]
}

/// What one plugin hook returns: keys in the order the plugin set them.
public struct HieraData: Sendable {
    public private(set) var entries: [HieraEntry] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    public mutating func set(_ key: String, _ value: YAMLValue, from sources: [SourceLocation] = []) {
        entries.append(HieraEntry(key: key, value: value, sources: sources))
    }

    public mutating func set(_ key: String, _ value: YAMLValue, from source: SourceLocation) {
        set(key, value, from: [source])
    }

    public mutating func merge(_ other: HieraData) {
        entries.append(contentsOf: other.entries)
    }
}

/// Who wrote a key and what it replaced: the answer `sysinvc explain` gives.
public struct KeyProvenance: Sendable {
    public let plugin: String
    public let sources: [SourceLocation]
    public let replaced: [ReplacedValue]
}

public struct ReplacedValue: Sendable {
    public let plugin: String
    public let value: YAMLValue
}

/// The keys of one hiera file accumulated over the plugins, in registry order. Later plugins
/// read it as sysinv plugins read `self.config`.
public struct HieraDocument: Sendable {
    /// Each key's value and provenance in one table, so that setting a key finds its place once.
    private var entries: [String: Entry]

    private struct Entry: Sendable {
        var value: YAMLValue
        var provenance: KeyProvenance
    }

    /// `expectedKeys` makes room for that many keys at once (it changes nothing but speed).
    public init(expectedKeys: Int = 0) {
        entries = Dictionary(minimumCapacity: expectedKeys)
    }

    public subscript(key: String) -> YAMLValue? { entries[key]?.value }

    /// The keys and their values. (Reading the values of a table keeps its layout: no key is
    /// hashed again.)
    public var values: [String: YAMLValue] { entries.mapValues(\.value) }

    public var provenance: [String: KeyProvenance] { entries.mapValues(\.provenance) }

    public var keys: Dictionary<String, some Any>.Keys { entries.keys }

    /// Who wrote `key`, without copying the table.
    public func provenance(of key: String) -> KeyProvenance? { entries[key]?.provenance }

    /// Adds a plugin's entries; every key must be one the plugin declares it writes, and
    /// replacing a key another plugin wrote must be declared as an override.
    mutating func apply(_ data: HieraData, from plugin: PluginDescription, file: HieraFile) throws {
        for entry in data.entries {
            guard plugin.mayWrite(key: entry.key) else {
                throw UndeclaredWrite(plugin: plugin.identifier, output: .hieraKey(entry.key, file))
            }
            // The key's place is found once, whether it is new or replaces an earlier value.
            try Self.set(&entries[entry.key], to: entry, from: plugin, file: file)
        }
    }

    private static func set(_ slot: inout Entry?, to entry: HieraEntry, from plugin: PluginDescription, file: HieraFile) throws {
        guard let previous = slot else {
            slot = Entry(value: entry.value, provenance: KeyProvenance(plugin: plugin.identifier, sources: entry.sources, replaced: []))
            return
        }
        if previous.provenance.plugin != plugin.identifier && !plugin.mayOverride(entry.key) {
            throw UndeclaredOverride(key: entry.key, file: file, plugin: plugin.identifier, previous: previous.provenance.plugin)
        }
        let replaced = previous.provenance.replaced + [ReplacedValue(plugin: previous.provenance.plugin, value: previous.value)]
        slot = Entry(value: entry.value, provenance: KeyProvenance(plugin: plugin.identifier, sources: entry.sources, replaced: replaced))
    }
}

/// A plugin replaced a key an earlier plugin wrote without declaring it: a defect in sysinvc.
public struct UndeclaredOverride: Error, CustomStringConvertible {
    public let key: String
    public let file: HieraFile
    public let plugin: String
    public let previous: String

    public var description: String {
        "internal error: plugin \(plugin) replaced \(key) in \(file) hiera, written by \(previous), without declaring the override"
    }
}

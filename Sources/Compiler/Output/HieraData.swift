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
    public private(set) var values: [String: YAMLValue] = [:]
    public private(set) var provenance: [String: KeyProvenance] = [:]

    public init() {}

    public subscript(key: String) -> YAMLValue? { values[key] }

    /// Adds a plugin's entries; every key must be one the plugin declares it writes, and
    /// replacing a key another plugin wrote must be declared as an override.
    mutating func apply(_ data: HieraData, from plugin: PluginDescription, file: HieraFile) throws {
        for entry in data.entries {
            guard plugin.mayWrite(key: entry.key) else {
                throw UndeclaredWrite(plugin: plugin.identifier, output: .hieraKey(entry.key, file))
            }
            var replaced: [ReplacedValue] = []
            if let previous = provenance[entry.key], let old = values[entry.key] {
                if previous.plugin != plugin.identifier && !plugin.mayOverride(entry.key) {
                    throw UndeclaredOverride(key: entry.key, file: file, plugin: plugin.identifier, previous: previous.plugin)
                }
                replaced = previous.replaced + [ReplacedValue(plugin: previous.plugin, value: old)]
            }
            values[entry.key] = entry.value
            provenance[entry.key] = KeyProvenance(plugin: plugin.identifier, sources: entry.sources, replaced: replaced)
        }
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

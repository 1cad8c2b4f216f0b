/// One entry of a plugin's `writes`: either hiera keys or output files, told apart by a `/`
/// (no hiera key holds one, every output path below a directory does). The generator checks
/// every key a hook sets and every file `files` returns against these, so a declaration cannot
/// drift from what the plugin does.
public enum WritePattern: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    case hieraKeys(HieraKeyPattern)
    case files(OutputPathPattern)
    /// Any hiera key the inventory field names (a service parameter's `resource`): the
    /// operator, not sysinvc, chooses these keys, so no pattern can bound them.
    case keysNamedByInventory(String)

    public init(_ text: String) {
        self = text.contains("/") ? .files(OutputPathPattern(text)) : .hieraKeys(HieraKeyPattern(text))
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var description: String {
        switch self {
        case let .hieraKeys(pattern): return pattern.description
        case let .files(pattern): return pattern.description
        case let .keysNamedByInventory(field): return "any hiera key \(field) names"
        }
    }
}

/// Hiera keys a plugin writes or overrides: `platform::docker::params::` (ending in `::`) stands
/// for every key of that puppet class or namespace, anything else for that one key. Classes are
/// how puppet groups parameters, so a prefix that stops mid-name would claim keys by accident.
public struct HieraKeyPattern: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let description: String

    public init(_ text: String) {
        description = text
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// Ends in `::`: every key of a puppet class or namespace.
    public var isClassPrefix: Bool { description.hasSuffix("::") }

    public func matches(_ key: String) -> Bool {
        isClassPrefix ? key.hasPrefix(description) : key == description
    }
}

/// Output files a plugin writes: a path relative to the output directory in which `<name>`
/// stands for one or more characters other than `/` (a host, an application, a chart), e.g.
/// `kubernetes/kubeadm-join-<host>.yaml`. Each placeholder matches on its own; the name inside
/// the brackets is for people.
public struct OutputPathPattern: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    private let parts: [Part]

    private enum Part: Sendable, Hashable {
        case literal([Character])
        case placeholder
    }

    public init(_ text: String) {
        description = text
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            if open > rest.startIndex { parts.append(.literal(Array(rest[..<open]))) }
            parts.append(.placeholder)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(Array(rest))) }
        self.parts = parts
    }

    public func matches(_ path: String) -> Bool {
        Self.match(parts[...], Array(path)[...])
    }

    /// Tries every length for a placeholder, so `<app>-<manifest>.yaml` matches names that
    /// themselves hold `-`.
    private static func match(_ parts: ArraySlice<Part>, _ path: ArraySlice<Character>) -> Bool {
        guard let part = parts.first else { return path.isEmpty }
        switch part {
        case let .literal(characters):
            guard path.starts(with: characters) else { return false }
            return match(parts.dropFirst(), path.dropFirst(characters.count))
        case .placeholder:
            var end = path.startIndex
            while end < path.endIndex, path[end] != "/" {
                end += 1
                if match(parts.dropFirst(), path[end...]) { return true }
            }
            return false
        }
    }
}

/// A YAML node with its position, as read from an inventory file.
///
/// Mappings keep every pair in file order, duplicates included, so that validation can report
/// each duplicate at its own line.
public indirect enum SourceNode: Sendable {
    case scalar(SourceScalar)
    case mapping([SourcePair], SourceLocation)
    case sequence([SourceNode], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case let .scalar(scalar): return scalar.location
        case let .mapping(_, location), let .sequence(_, location): return location
        }
    }

    /// What a user would call this node in a message ("a list", "the text \"x\"").
    public var kindDescription: String {
        switch self {
        case let .scalar(scalar):
            switch scalar.kind {
            case .null: return "nothing (null)"
            case .string: return "the text \"\(scalar.excerpt)\""
            default: return "the \(scalar.kind.rawValue) \(scalar.excerpt)"
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// What kind of node this is, without its value ("text", "a list").
    public var kindName: String {
        switch self {
        case let .scalar(scalar): return scalar.kind == .string ? "text" : scalar.kind == .null ? "nothing (null)" : "a \(scalar.kind.rawValue)"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    public var isNull: Bool {
        if case let .scalar(scalar) = self { return scalar.kind == .null }
        return false
    }
}

public struct SourcePair: Sendable {
    public let key: Located<String>
    public let value: SourceNode
}

public struct SourceScalar: Sendable {
    /// How a YAML 1.1 reader types the scalar (quoted scalars are always strings).
    public enum Kind: String, Sendable {
        case string, int, float, bool, null
    }

    public let text: String
    public let kind: Kind
    public let location: SourceLocation

    /// The text as a message quotes it: one line, at most 60 characters, so that a file included by
    /// mistake (`/etc/shadow`) is not printed whole.
    public var excerpt: String {
        let line = text.prefix { $0 != "\n" }
        return line.count > 60 || line.count < text.count ? line.prefix(60) + "…" : text
    }
}

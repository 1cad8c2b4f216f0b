/// A value of an output document: what hiera, kubeadm, helm and armada read.
public indirect enum YAMLValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([String: YAMLValue])
}

extension YAMLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension YAMLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension YAMLValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension YAMLValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: YAMLValue...) { self = .list(elements) }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    /// Traps on a repeated key, as a Swift dictionary literal does.
    public init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self = .map(Dictionary(uniqueKeysWithValues: elements))
    }
}

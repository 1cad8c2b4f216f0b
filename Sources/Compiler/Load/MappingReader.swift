/// Typed access to the pairs of a mapping that already passed the schema check.
struct MappingReader {
    let pairs: [SourcePair]
    let location: SourceLocation

    /// `missing` places a section the inventory leaves out, so its diagnostics still name a file.
    init(_ node: SourceNode?, missing: SourceLocation = SourceLocation(file: "", line: 1, column: 1)) {
        if case let .mapping(pairs, location)? = node {
            self.pairs = pairs
            self.location = location
        } else {
            self.pairs = []
            self.location = node?.location ?? missing
        }
    }

    /// The mapping under `key`; when it is absent, it is placed at this mapping.
    func section(_ key: String) -> MappingReader {
        MappingReader(self[key], missing: location)
    }

    var isPresent: Bool { !pairs.isEmpty }

    subscript(key: String) -> SourceNode? {
        pairs.first { $0.key.value == key }?.value
    }

    func scalar(_ key: String) -> SourceScalar? {
        if case let .scalar(scalar)? = self[key], scalar.kind != .null { return scalar }
        return nil
    }

    func string(_ key: String) -> Located<String>? {
        scalar(key).map { Located($0.text, at: $0.location) }
    }

    func string(_ key: String, default value: String) -> Located<String> {
        string(key) ?? Located(value, at: location)
    }

    /// A value of a closed set; the schema already held it to the enum's raw values.
    func oneOf<Choice: RawRepresentable>(_ key: String) -> Located<Choice>? where Choice.RawValue == String {
        string(key).flatMap { text in Choice(rawValue: text.value).map { Located($0, at: text.location) } }
    }

    func oneOf<Choice: RawRepresentable>(_ key: String, default value: Choice) -> Located<Choice> where Choice.RawValue == String {
        oneOf(key) ?? Located(value, at: location)
    }

    func int(_ key: String) -> Located<Int>? {
        scalar(key).flatMap { scalar in Int(scalar.text).map { Located($0, at: scalar.location) } }
    }

    func double(_ key: String) -> Located<Double>? {
        scalar(key).flatMap { scalar in Double(scalar.text).map { Located($0, at: scalar.location) } }
    }

    func bool(_ key: String, default value: Bool) -> Located<Bool> {
        guard let scalar = scalar(key) else { return Located(value, at: location) }
        return Located(["true", "yes", "on", "y"].contains(scalar.text.lowercased()), at: scalar.location)
    }

    func address(_ key: String) -> Located<IPAddress>? {
        scalar(key).flatMap { scalar in IPAddress(scalar.text).map { Located($0, at: scalar.location) } }
    }

    func list(_ key: String) -> [SourceNode] {
        if case let .sequence(items, _)? = self[key] { return items }
        return []
    }

    func strings(_ key: String) -> [Located<String>] {
        list(key).compactMap { node in
            if case let .scalar(scalar) = node { return Located(scalar.text, at: scalar.location) }
            return nil
        }
    }

    func ints(_ key: String) -> [Located<Int>] {
        strings(key).compactMap { item in Int(item.value).map { Located($0, at: item.location) } }
    }
}

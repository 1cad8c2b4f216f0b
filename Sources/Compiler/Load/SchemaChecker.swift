/// Checks a `SourceNode` tree against `InventorySchema`, reporting every unknown field, wrong
/// type, disallowed value and missing field at once.
struct SchemaChecker {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func check(_ node: SourceNode, against type: SchemaType, path: String) {
        check(node, against: type) { path }
    }

    /// `path` names the node in messages (`hosts[3].interfaces[0].mtu`); it is spelled out only
    /// when a message needs it, not for every node of a large inventory.
    private mutating func check(_ node: SourceNode, against type: SchemaType, path: () -> String) {
        switch type {
        case let .object(fields):
            guard case let .mapping(pairs, location) = node else { return typeMismatch(node, expected: "a mapping", path: path()) }
            // An object has a few dozen fields at most: finding a key by comparing names costs less
            // than building a table for each of a large inventory's objects.
            for pair in pairs {
                let key = pair.key.value
                guard let field = fields.firstIndex(where: { $0.name == key }) else {
                    let place = path()
                    var message = "unknown field \"\(key)\" in \(place.isEmpty ? "the inventory" : place)"
                    if let suggestion = Self.closest(to: key, among: fields.map(\.name)) {
                        message += "; did you mean \"\(suggestion)\"?"
                    } else {
                        message += "; allowed: \(fields.map(\.name).joined(separator: ", "))"
                    }
                    diagnostics.append(Diagnostic(.unknownField, message, at: pair.key.location))
                    continue
                }
                check(pair.value, against: fields[field].type) { Self.join(path(), key) }
            }
            for field in fields where field.required && !pairs.contains(where: { $0.key.value == field.name }) {
                diagnostics.append(Diagnostic(.missingField,
                    "\(path().isEmpty ? "the inventory" : path()) needs \"\(field.name)\" (\(field.summary))", at: location))
            }
        case let .dictionary(valueType):
            guard case let .mapping(pairs, _) = node else { return typeMismatch(node, expected: "a mapping", path: path()) }
            for pair in pairs {
                check(pair.value, against: valueType) { Self.join(path(), pair.key.value) }
            }
        case let .list(elementType):
            guard case let .sequence(items, _) = node else { return typeMismatch(node, expected: "a list", path: path()) }
            for (index, item) in items.enumerated() {
                check(item, against: elementType) { "\(path())[\(index)]" }
            }
        case let .string(format, allowed):
            guard case let .scalar(scalar) = node, scalar.kind != .null else {
                return typeMismatch(node, expected: "text", path: path())
            }
            if let allowed, !allowed.contains(scalar.text) { return notAllowed(scalar, allowed, path: path()) }
            if let format, let problem = Self.formatProblem(scalar.text, format) {
                diagnostics.append(Diagnostic(.invalidFormat, "\(path()): \(problem)", at: scalar.location))
            }
        case let .integer(minimum, maximum):
            // A YAML 1.1 reader takes digits past 64 bits for a float; they are still a whole number, too large.
            let digits = scalar(of: node).map { $0.kind == .float && $0.text.allSatisfy(\.isNumber) } ?? false
            guard case let .scalar(scalar) = node, scalar.kind == .int || digits else {
                return typeMismatch(node, expected: "a whole number", path: path())
            }
            guard let value = Int(scalar.text) else {
                let bound = maximum.map { ", at most \($0)" } ?? ""
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(scalar.text); write a decimal whole number\(bound)", at: scalar.location))
                return
            }
            if let minimum, value < minimum {
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(value); it must be at least \(minimum)", at: scalar.location))
            }
            if let maximum, value > maximum {
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(value); it must be at most \(maximum)", at: scalar.location))
            }
        case let .number(above, maximum):
            guard case let .scalar(scalar) = node, scalar.kind == .int || scalar.kind == .float else {
                return typeMismatch(node, expected: "a number", path: path())
            }
            guard let value = Double(scalar.text), value.isFinite else {
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(scalar.text); give a finite decimal number", at: scalar.location))
                return
            }
            if let above, value <= above {
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(scalar.text); it must be greater than \(Self.formatted(above))", at: scalar.location))
            }
            if let maximum, value > maximum {
                diagnostics.append(Diagnostic(.outOfRange, "\(path()) is \(scalar.text); it must be at most \(Self.formatted(maximum))", at: scalar.location))
            }
        case .boolean:
            guard case let .scalar(scalar) = node, scalar.kind == .bool else {
                return typeMismatch(node, expected: "true or false", path: path())
            }
        }
    }

    private func scalar(of node: SourceNode) -> SourceScalar? {
        if case let .scalar(scalar) = node { return scalar }
        return nil
    }

    private mutating func typeMismatch(_ node: SourceNode, expected: String, path: String) {
        diagnostics.append(Diagnostic(.wrongType, "\(path) must be \(expected), not \(node.kindDescription)", at: node.location))
    }

    private mutating func notAllowed(_ scalar: SourceScalar, _ allowed: [String], path: String) {
        var message = "\(path) is \"\(scalar.text)\"; allowed: \(allowed.joined(separator: ", "))"
        if let suggestion = Self.closest(to: scalar.text, among: allowed) { message += "; did you mean \"\(suggestion)\"?" }
        diagnostics.append(Diagnostic(.valueNotAllowed, message, at: scalar.location))
    }

    static func formatted(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    static func formatProblem(_ text: String, _ format: SchemaStringFormat) -> String? {
        switch format {
        case .ipAddress:
            return IPAddress(text) == nil ? "\"\(text)\" is not an IPv4 or IPv6 address" : nil
        case .cidr:
            switch IPSubnet.parse(text) {
            case .success: return nil
            case let .failure(error): return "\"\(text)\": \(error)"
            }
        case .mac:
            // "hh:hh:hh:hh:hh:hh" in ASCII hex digits (not their fullwidth forms).
            let bytes = Array(text.utf8)
            let valid = bytes.count == 17 && bytes.indices.allSatisfy { $0 % 3 == 2 ? bytes[$0] == .colon : bytes[$0].isHex }
            return valid ? nil : "\"\(text)\" is not a MAC address (six colon-separated hex pairs, e.g. 08:00:27:aa:bb:01)"
        case .path:
            return text.isEmpty ? "a path may not be empty" : nil
        case .timezone:
            return FieldGrammar.timezoneProblem(text)
        case .server:
            return FieldGrammar.serverProblem(text)
        default:
            return format.grammar?.problem(text)
        }
    }

    /// The allowed name nearest to a misspelling, if it is near enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

/// Host names become file names and /etc/hosts entries, so they are RFC 1123 labels: never a
/// path separator, never `..`.
public enum HostnameRules {
    static let grammar = FieldGrammar.dnsLabel("host name")

    public static func problem(_ name: String) -> String? {
        grammar.problem(name)
    }
}

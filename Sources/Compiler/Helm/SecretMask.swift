/// Which override values are secrets: every value holding a password or key the system handed
/// to a chart plugin (found wherever it is embedded, e.g. inside a `rabbit://user:pw@host` URL),
/// and user-provided values under keys named like one.
public enum SecretMask {
    public static let mask = "********"

    /// `values` with secrets replaced by `mask`; embedded secrets are cut out of their string.
    public static func masked(_ values: [String: YAMLValue], secrets: Set<String>) -> [String: YAMLValue] {
        values.reduce(into: [:]) { result, entry in
            result[entry.key] = masked(entry.value, key: entry.key, secrets: secrets)
        }
    }

    private static func masked(_ value: YAMLValue, key: String?, secrets: Set<String>) -> YAMLValue {
        switch value {
        case let .string(text):
            if let key, looksSecret(key), !text.isEmpty { return .string(mask) }
            return .string(secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: mask) })
        case let .list(items):
            return .list(items.map { masked($0, key: key, secrets: secrets) })
        case let .map(entries):
            return .map(masked(entries, secrets: secrets))
        default:
            return value
        }
    }

    /// Key names that carry secrets in openstack-helm charts (`password`, `memcache_secret_key`,
    /// `admin_keyring`, `ssh_private`, TLS `key`); rules about passwords are not secrets.
    public static func looksSecret(_ key: String) -> Bool {
        let name = key.lowercased()
        if name.contains("regex") || name.contains("description") { return false }
        return name == "key" || ["password", "secret", "token", "keyring", "private"].contains { name.contains($0) }
    }

    /// Paths of `input` that would replace a system value holding a generated secret.
    static func protectedPaths(changedBy input: [String: YAMLValue], system: [String: YAMLValue], secrets: Set<String>) -> [String] {
        var found: [String] = []
        func visit(_ input: [String: YAMLValue], _ system: [String: YAMLValue], _ prefix: String) {
            for key in input.keys.sorted() {
                guard let generated = system[key] else { continue }
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if case let .map(inner) = input[key], case let .map(systemInner) = generated {
                    visit(inner, systemInner, path)
                } else if holdsSecret(generated, secrets) {
                    found.append(path)
                }
            }
        }
        visit(input, system, "")
        return found
    }

    private static func holdsSecret(_ value: YAMLValue, _ secrets: Set<String>) -> Bool {
        switch value {
        case let .string(text): return secrets.contains { text.contains($0) }
        case let .list(items): return items.contains { holdsSecret($0, secrets) }
        case let .map(entries): return entries.values.contains { holdsSecret($0, secrets) }
        default: return false
        }
    }
}

import Crypto
import Foundation

/// Passwords and keys, reproducible without ever being written in the inventory: each is derived
/// with HKDF-SHA256 from one key file and a stable name (`keystone/admin`), and a secrets file
/// may set any of them explicitly.
public struct SecretStore: Sendable {
    private let key: SymmetricKey
    /// HKDF's extract step of `key` with sysinvc's salt: the same for every secret, so it is done
    /// once and each secret costs only the expand step.
    private let pseudoRandomKey: HashedAuthenticationCode<SHA256>
    private let overrides: [String: String]
    /// Where the secrets file sets each override, to report one no plugin asks for.
    private let overrideLocations: [String: SourceLocation]
    private let requests = SecretRequests()

    public init(key: Data, overrides: [String: String] = [:]) {
        self.init(key: key, overrides: overrides, locations: [:])
    }

    init(key: Data, overrides: [String: String], locations: [String: SourceLocation]) {
        self.key = SymmetricKey(data: key)
        pseudoRandomKey = HKDF<SHA256>.extract(inputKeyMaterial: self.key, salt: Data("sysinvc secrets v1".utf8))
        self.overrides = overrides
        self.overrideLocations = locations
    }

    /// The same store under another key derived from this one, and without explicit values:
    /// whatever differs between a compile with it and one with this store depends on a secret.
    public func shadow() -> SecretStore {
        let shadowKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Data("sysinvc shadow secrets".utf8),
                                               info: Data(), outputByteCount: 32)
        return SecretStore(key: shadowKey.withUnsafeBytes { Data($0) })
    }

    /// A password in sysinv's shape: 16 hex digits plus `Ti0*`, which satisfies the platform's
    /// complexity rules (upper, lower, digit, special).
    public func password(_ name: String) -> String {
        requests.record(name)
        return overrides[name] ?? hex(name, bytes: 8) + "Ti0*"
    }

    /// Whether the secrets file sets `name`, rather than leaving it to be derived.
    public func isExplicit(_ name: String) -> Bool {
        requests.record(name)
        return overrides[name] != nil
    }

    /// A token of `length` hex digits.
    public func token(_ name: String, length: Int) -> String {
        requests.record(name)
        return overrides[name] ?? String(hex(name, bytes: (length + 1) / 2).prefix(length))
    }

    /// The secrets file's value for `name`, or `count` bytes derived for it: the material of a
    /// secret that has a format of its own (a cephx key).
    func material(_ name: String, bytes count: Int) -> Result<[UInt8], Override> {
        requests.record(name)
        if let value = overrides[name] { return .failure(Override(value: value)) }
        let derived = HKDF<SHA256>.expand(pseudoRandomKey: pseudoRandomKey, info: Data(name.utf8), outputByteCount: count)
        return .success(derived.withUnsafeBytes { Array($0) })
    }

    /// A value the secrets file sets, which wins over a derived one.
    struct Override: Error {
        let value: String
    }

    private func hex(_ name: String, bytes: Int) -> String {
        let derived = HKDF<SHA256>.expand(pseudoRandomKey: pseudoRandomKey, info: Data(name.utf8), outputByteCount: bytes)
        return derived.withUnsafeBytes { Hex.lowercase($0) }
    }

    /// A path the inventory's secrets section names, relative to the inventory's main file.
    public static func path(_ declared: String, of inventory: Inventory) -> String {
        let directory = ((inventory.files.first ?? "") as NSString).deletingLastPathComponent
        return declared.hasPrefix("/") || directory.isEmpty ? declared : (directory as NSString).appendingPathComponent(declared)
    }

    /// Reads the key file and the optional overrides file the inventory names. `keyFile`, when
    /// given (from the command line), wins over the inventory's.
    public static func load(for inventory: Inventory, keyFile: String? = nil) -> (store: SecretStore?, diagnostics: [Diagnostic]) {
        let resolve = { (path: String) in Self.path(path, of: inventory) }
        let declared = inventory.secrets.keyFile
        guard let keyPath = keyFile ?? declared.map({ resolve($0.value) }) else {
            return (nil, [Diagnostic(.secretKey,
                "no secret key: set secrets.key_file in the inventory or pass --secret-key FILE (create one with `sysinvc keygen FILE`)",
                at: inventory.system.sectionLocation)])
        }
        let keyLocation = keyFile == nil ? declared?.location : nil
        let (loadedKey, keyProblems) = SecretKeyFile.read(keyPath, at: keyLocation)
        guard let key = loadedKey else { return (nil, keyProblems) }
        guard let overridesFile = inventory.secrets.overridesFile else { return (SecretStore(key: key), keyProblems) }
        let path = resolve(overridesFile.value)
        guard case let .success(text) = InputFile.text(path) else {
            return (nil, [Diagnostic(.secretsFile, "cannot read secrets file \(path): name a regular UTF-8 YAML file mapping secret names to values", at: overridesFile.location)])
        }
        let (node, diagnostics) = YAMLReader.read(text, file: path)
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        guard case let .mapping(pairs, _)? = node else {
            return (nil, [Diagnostic(.secretsFile, "secrets file \(path) must map secret names to values", at: overridesFile.location)])
        }
        var overrides: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        for pair in pairs {
            if case let .scalar(scalar) = pair.value, scalar.kind != .null {
                overrides[pair.key.value] = scalar.text
                locations[pair.key.value] = pair.key.location
            } else {
                problems.append(Diagnostic(.secretsFile, "secret \(pair.key.value) must be text", at: pair.value.location))
            }
        }
        return problems.isEmpty ? (SecretStore(key: key, overrides: overrides, locations: locations), keyProblems) : (nil, keyProblems + problems)
    }

    /// Overrides of the secrets file that nothing asked for during generation: a misspelt name
    /// would otherwise leave the derived secret in place without a word.
    public func unrequestedOverrides() -> [Diagnostic] {
        let requested = requests.names
        return overrides.keys.filter { !requested.contains($0) }.sorted().map { name in
            var message = "secret \(FieldGrammar.quoted(name)) is not one this inventory uses"
            if let suggestion = SchemaChecker.closest(to: name, among: requested.sorted()) {
                message += "; did you mean \(suggestion)?"
            } else {
                message += "; remove it or correct its name (names look like keystone/admin)"
            }
            return Diagnostic(.unknownSecretOverride, message, at: overrideLocations[name])
        }
    }
}

/// The names of the secrets asked for, shared by every copy of a store.
final class SecretRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: Set<String> = []

    func record(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        recorded.insert(name)
    }

    var names: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

extension SecretStore {
    /// A host's BMC password: the secret `bm/<host>`, or for a host of a virtual inventory the
    /// one password OVB's openstackbmc accepts.
    public func bmcPassword(_ hostname: String, of inventory: Inventory) -> String {
        inventory.virtual == nil ? password(BoardManagement.passwordSecret(hostname)) : VirtualEnvironment.bmcPassword
    }
}

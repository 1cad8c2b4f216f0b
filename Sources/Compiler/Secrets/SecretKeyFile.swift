import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key file every secret is derived from, checked as ssh checks a private key: a regular
/// file of the user running sysinvc that no one else may read, holding exactly what `sysinvc
/// keygen` writes. Anything else (`/etc/passwd`, a shared 0644 file, a truncated key) would make
/// every password guessable by whoever can read or choose it.
enum SecretKeyFile {
    /// `sysinvc keygen` writes 32 random bytes as 64 hex digits and a newline.
    static let hexDigits = 64

    /// The key's bytes as the file holds them (the derivation's input), or every problem found.
    static func read(_ path: String, at location: SourceLocation?) -> (key: Data?, problems: [Diagnostic]) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return (nil, [Diagnostic(.secretKey, "cannot read secret key file \(path); create it with `sysinvc keygen \(path)`", at: location)])
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return (nil, [Diagnostic(.secretKeyFileType, "secret key file \(path) is not a regular file; name the file `sysinvc keygen` wrote", at: location)])
        }
        guard case let .success(key) = InputFile.bytes(path, limit: 4096) else {
            return (nil, [Diagnostic(.secretKey, "cannot read secret key file \(path): check its permissions; it holds 64 hex digits as `sysinvc keygen` writes", at: location)])
        }
        // The examples' key is published with them: its secrets protect nothing whoever may read
        // the file, and git checks it out readable by all.
        let severity: Diagnostic.Severity = key == publishedExampleKey ? .warning : .error
        var problems: [Diagnostic] = []
        if status.st_uid != geteuid() {
            problems.append(Diagnostic(.secretKeyFileType,
                "secret key file \(path) belongs to uid \(status.st_uid), not to the user running sysinvc (uid \(geteuid())); use a key of your own (`sysinvc keygen`)",
                at: location, severity: severity))
        }
        let mode = status.st_mode & 0o777
        if mode != 0o600 && mode != 0o400 {
            let example = severity == .warning ? " (this is the published example key: use it only for the examples)" : ""
            problems.append(Diagnostic(.secretKeyPermissions,
                "secret key file \(path) has mode \(String(mode, radix: 8)); others may read or change it: run chmod 600 \(path)\(example)",
                at: location, severity: severity))
        }
        if !isKeygenOutput(key) {
            problems.append(Diagnostic(.secretKeyFormat,
                "secret key file \(path) does not hold a key: it must be \(hexDigits) hex digits and a newline, as `sysinvc keygen` writes", at: location))
        }
        return problems.contains { $0.severity == .error } ? (nil, problems) : (key, problems)
    }

    /// `inventory-examples/example.key`, public with the examples.
    static let publishedExampleKey = Data("6f3c1a9e0b7d4e52a1c8f09b3d6e2a7c5b4f1e0d9c8b7a695847362514031201\n".utf8)

    static func isKeygenOutput(_ key: Data) -> Bool {
        var digits = key
        if digits.last == UInt8(ascii: "\n") { digits.removeLast() }
        return digits.count == hexDigits && digits.allSatisfy { Character(UnicodeScalar($0)).isHexDigit }
    }
}

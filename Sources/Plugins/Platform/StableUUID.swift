import Compiler
import Crypto
import Foundation

/// A UUID derived from a name (SHA-256, version 5 layout): sysinv drew random UUIDs into its
/// database; here the same name always gives the same UUID, so compiles stay reproducible.
enum StableUUID {
    static func named(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = Hex.lowercase(bytes)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    /// A host's uuid (sysinv's `ihost.uuid`), from the system's and the host's names.
    static func host(_ hostname: String, system: String) -> String {
        named("\(system)/host/\(hostname)")
    }
}

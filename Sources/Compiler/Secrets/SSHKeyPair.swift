import Crypto
import Foundation

/// An Ed25519 SSH key pair in OpenSSH's formats, derived from a 32-byte seed so that it is as
/// reproducible as every other secret (nova's compute hosts trust each other with one for
/// migrations).
public struct SSHKeyPair: Sendable {
    public let privateKey: String
    public let publicKey: String

    /// `seed` is the Ed25519 private key; `check` fills the two check words OpenSSH compares on
    /// decryption (random in ssh-keygen, derived here).
    public init(seed: [UInt8], check: UInt32, comment: String) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let publicBytes = Array(key.publicKey.rawRepresentation)
        let publicBlob = Self.string("ssh-ed25519") + Self.string(publicBytes)

        var secret = Self.uint32(check) + Self.uint32(check)
        secret += Self.string("ssh-ed25519") + Self.string(publicBytes) + Self.string(seed + publicBytes) + Self.string(Array(comment.utf8))
        var padding: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(padding)
            padding += 1
        }
        let body = Array("openssh-key-v1".utf8) + [0] + Self.string("none") + Self.string("none") + Self.string([])
            + Self.uint32(1) + Self.string(publicBlob) + Self.string(secret)
        let wrapped = stride(from: 0, to: Data(body).base64EncodedString().count, by: 70).map { offset -> String in
            let encoded = Data(body).base64EncodedString()
            let start = encoded.index(encoded.startIndex, offsetBy: offset)
            let end = encoded.index(start, offsetBy: 70, limitedBy: encoded.endIndex) ?? encoded.endIndex
            return String(encoded[start..<end])
        }
        privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrapped.joined(separator: "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n"
        publicKey = "ssh-ed25519 \(Data(publicBlob).base64EncodedString()) \(comment)"
    }

    static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    static func string(_ bytes: [UInt8]) -> [UInt8] { uint32(UInt32(bytes.count)) + bytes }
    static func string(_ text: String) -> [UInt8] { string(Array(text.utf8)) }
}

extension SecretStore {
    /// The key pair named `name` (e.g. `nova/ssh`), reproducible from the key file; a secrets
    /// file may set `<name>/seed` to any text to choose another.
    public func sshKeyPair(_ name: String, comment: String) -> SSHKeyPair {
        let seed = Array(SHA256.hash(data: Data(token("\(name)/seed", length: 64).utf8)))
        let check = seed.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        // Any 32 bytes are a valid Ed25519 private key.
        return try! SSHKeyPair(seed: seed, check: check, comment: comment)
    }
}

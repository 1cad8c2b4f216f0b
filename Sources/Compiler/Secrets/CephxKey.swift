import Foundation

extension SecretStore {
    /// A Ceph (cephx) secret key in the text form `ceph-authtool --gen-print-key` prints and
    /// keyrings hold: base64 of the key's type (1, AES), its creation time (seconds and
    /// nanoseconds), its length (16) and the 16 secret bytes, little-endian, 40 characters in
    /// all. Derived like every other secret, with creation time 0 so that it is the same on every
    /// compile; a secrets file may set `<name>` to a key of its own.
    public func cephxKey(_ name: String) -> String {
        switch material(name, bytes: 16) {
        case let .failure(override):
            return override.value
        case let .success(secret):
            let header: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0]
            return Data(header + secret).base64EncodedString()
        }
    }
}

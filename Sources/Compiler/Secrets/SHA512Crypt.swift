import Crypto

/// SHA-512 crypt (`$6$`), the password hash format of /etc/shadow, which puppet's user resource
/// takes as is. Written out because no listed package provides it; the algorithm is Ulrich
/// Drepper's "Unix crypt using SHA-256 and SHA-512" with the default 5000 rounds.
public enum SHA512Crypt {
    static let alphabet = Array("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    public static func hash(password: String, salt: String) -> String {
        let key = Array(password.utf8)
        let saltBytes = Array(salt.utf8.prefix(16))

        var alternate = SHA512()
        alternate.update(data: key + saltBytes + key)
        let b = Array(alternate.finalize())

        var context = SHA512()
        context.update(data: key + saltBytes)
        context.update(data: repeated(b, toLength: key.count))
        var length = key.count
        while length > 0 {
            context.update(data: length & 1 == 1 ? b : key)
            length >>= 1
        }
        var a = Array(context.finalize())

        var pContext = SHA512()
        for _ in 0..<key.count { pContext.update(data: key) }
        let pSequence = repeated(Array(pContext.finalize()), toLength: key.count)

        var sContext = SHA512()
        for _ in 0..<(16 + Int(a[0])) { sContext.update(data: saltBytes) }
        let sSequence = Array(Array(sContext.finalize()).prefix(saltBytes.count))

        // The 5000 rounds are most of a small compile's hashing: each reads and writes `a` in
        // place, with no array made per round.
        pSequence.withUnsafeBytes { p in
            sSequence.withUnsafeBytes { s in
                a.withUnsafeMutableBytes { a in
                    for round in 0..<5000 {
                        var roundContext = SHA512()
                        roundContext.update(bufferPointer: round & 1 == 1 ? p : UnsafeRawBufferPointer(a))
                        if round % 3 != 0 { roundContext.update(bufferPointer: s) }
                        if round % 7 != 0 { roundContext.update(bufferPointer: p) }
                        roundContext.update(bufferPointer: round & 1 == 1 ? UnsafeRawBufferPointer(a) : p)
                        roundContext.finalize().withUnsafeBytes { a.copyMemory(from: $0) }
                    }
                }
            }
        }
        return "$6$\(String(decoding: saltBytes, as: UTF8.self))$" + encode(a)
    }

    static func repeated(_ bytes: [UInt8], toLength length: Int) -> [UInt8] {
        (0..<length).map { bytes[$0 % bytes.count] }
    }

    /// crypt's own base64: little-endian groups of three bytes in a fixed shuffled order.
    static func encode(_ digest: [UInt8]) -> String {
        var output: [UInt8] = []
        func emit(_ b2: UInt8, _ b1: UInt8, _ b0: UInt8, _ count: Int) {
            var word = (UInt32(b2) << 16) | (UInt32(b1) << 8) | UInt32(b0)
            for _ in 0..<count {
                output.append(alphabet[Int(word & 0x3f)])
                word >>= 6
            }
        }
        for group in 0..<21 {
            let indices = [group, group + 21, group + 42]
            let ordered = indices.rotatedLeft(by: group % 3)
            emit(digest[ordered[0]], digest[ordered[1]], digest[ordered[2]], 4)
        }
        emit(0, 0, digest[63], 2)
        return String(decoding: output, as: UTF8.self)
    }
}

private extension Array {
    /// [a, b, c] rotated left by 1 is [b, c, a].
    func rotatedLeft(by count: Int) -> [Element] {
        Array(self[count...] + self[..<count])
    }
}

extension YAMLRenderer {
    /// PyYAML's spelling of a float (repr-based): 0.2 -> "0.2", 1.0 -> "1.0", 1e20 -> "1.0e+20", 1e-05 -> "1.0e-05", inf -> ".inf", -inf -> "-.inf", nan -> ".nan".
    public static func formatFloat(_ value: Double) -> String {
        var bytes: [UInt8] = []
        formatFloat(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `formatFloat(value)`'s bytes appended to `bytes`.
    static func formatFloat(_ value: Double, into bytes: inout [UInt8]) {
        if value.isNaN { return bytes.append(contentsOf: ".nan".utf8) }
        if value.isInfinite { return bytes.append(contentsOf: (value < 0 ? "-.inf" : ".inf").utf8) }
        if value.sign == .minus { bytes.append(.minus) }
        // Swift's description has the same shortest round-trip digits as Python's repr, laid out differently:
        // "1e-05", "1e+20", "0.0001", "40.0".
        YAMLWriter.withUTF8(value.magnitude.description) { description in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: description.count) { digits in
                var count = 0, point = 0, exponent = 0, exponentSign = 1
                var inExponent = false
                for byte in description {
                    switch byte {
                    case UInt8(ascii: "e"): inExponent = true
                    case .minus: exponentSign = -1
                    case .plus: break
                    case .dot: point = count
                    default:
                        if inExponent {
                            exponent = exponent * 10 + Int(byte - .zero)
                        } else {
                            digits[count] = byte
                            count += 1
                        }
                    }
                }
                if !description.contains(.dot) { point = count }
                point += exponentSign * exponent
                var first = 0
                while count - first > 1, digits[first] == .zero { first += 1; point -= 1 }
                while count - first > 1, digits[count - 1] == .zero { count -= 1 }
                let significant = UnsafeBufferPointer(rebasing: digits[first..<count])
                write(significant: significant, point: point, into: &bytes)
            }
        }
    }

    /// The decimal `0.<significant> × 10^point` as Python's repr writes it.
    private static func write(significant: UnsafeBufferPointer<UInt8>, point: Int, into bytes: inout [UInt8]) {
        if significant.count == 1 && significant[0] == .zero { return bytes.append(contentsOf: "0.0".utf8) }
        let exponent = point - 1
        if exponent < -4 || exponent >= 16 {
            // Python writes "1e+20"; PyYAML adds ".0" so that YAML 1.1 reads a float.
            bytes.append(significant[0])
            bytes.append(.dot)
            if significant.count > 1 {
                bytes.append(contentsOf: significant[1...])
            } else {
                bytes.append(.zero)
            }
            bytes.append(UInt8(ascii: "e"))
            bytes.append(exponent < 0 ? .minus : .plus)
            if abs(exponent) < 10 { bytes.append(.zero) }
            bytes.append(contentsOf: String(abs(exponent)).utf8)
        } else if point <= 0 {
            bytes.append(contentsOf: "0.".utf8)
            bytes.append(contentsOf: repeatElement(.zero, count: -point))
            bytes.append(contentsOf: significant)
        } else if point >= significant.count {
            bytes.append(contentsOf: significant)
            bytes.append(contentsOf: repeatElement(.zero, count: point - significant.count))
            bytes.append(contentsOf: ".0".utf8)
        } else {
            bytes.append(contentsOf: significant[..<point])
            bytes.append(.dot)
            bytes.append(contentsOf: significant[point...])
        }
    }
}

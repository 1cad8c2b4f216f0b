/// Why a CIDR string was rejected, worded for the person who typed it.
public enum SubnetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not "address/prefix" with a valid address and a decimal prefix.
    case malformed(String)
    /// The prefix is a number but too large for the address family.
    case prefixOutOfRange(String, maximum: Int)
    /// The address has bits set beyond the prefix; `suggestion` is the masked subnet.
    case hostBitsSet(String, suggestion: IPSubnet)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not a valid subnet (expected address/prefix, e.g. 192.168.204.0/24)"
        case .prefixOutOfRange(let text, let maximum):
            return "'\(text)' has a prefix length outside 0-\(maximum)"
        case .hostBitsSet(let text, let suggestion):
            return "'\(text)' has host bits set; did you mean \(suggestion)?"
        }
    }
}

/// A CIDR block. The network address is always stored masked, so two spellings
/// of the same block compare and hash equal.
public struct IPSubnet: Hashable, Sendable, CustomStringConvertible {
    public let network: IPAddress
    public let prefixLength: Int

    /// Strict parse; use `parse(_:)` to learn why a string was rejected.
    public init?(_ cidr: String) {
        guard case .success(let subnet) = Self.parse(cidr) else { return nil }
        self = subnet
    }

    /// Masks `network` to `prefixLength`. The prefix must fit the family
    /// (0-32 or 0-128); anything else is a programming error and traps.
    public init(network: IPAddress, prefixLength: Int) {
        precondition((0...Self.maximumPrefix(network)).contains(prefixLength),
                     "prefix length \(prefixLength) out of range for \(network)")
        self.network = Self.masked(network, prefixLength)
        self.prefixLength = prefixLength
    }

    /// Parses "address/prefix". Host bits set is an error rather than silently
    /// masked, because "192.168.204.5/24" usually means the author confused an
    /// interface address with its subnet.
    public static func parse(_ cidr: String) -> Result<IPSubnet, SubnetError> {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])) else {
            return .failure(.malformed(cidr))
        }
        let digits = parts[1].utf8
        guard !digits.isEmpty,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.count == 1 || digits.first != UInt8(ascii: "0")
        else { return .failure(.malformed(cidr)) }
        let maximum = maximumPrefix(address)
        guard let prefix = Int(parts[1]), prefix <= maximum else {
            return .failure(.prefixOutOfRange(cidr, maximum: maximum))
        }
        let subnet = IPSubnet(network: address, prefixLength: prefix)
        guard subnet.network == address else {
            return .failure(.hostBitsSet(cidr, suggestion: subnet))
        }
        return .success(subnet)
    }

    /// 4 or 6.
    public var family: Int { network.family }

    /// "192.168.204.0/24", "fd01::/64".
    public var description: String { "\(network)/\(prefixLength)" }

    /// The mask as an address string, matching python netaddr's `str(netmask)`:
    /// "255.255.255.0", "ffff:ffff:ffff:ffff::".
    public var netmask: String {
        switch network {
        case .v4: return IPAddress.v4(Self.mask32(prefixLength)).description
        case .v6: return IPAddress.v6(Self.mask64(prefixLength), Self.mask64(prefixLength - 64)).description
        }
    }

    /// Number of addresses in the block, saturating at `Int.max` for blocks of
    /// 2^63 addresses or more (IPv6 prefixes /65 and shorter), since callers only
    /// need it to bound indexes and sizes that large never fit in memory anyway.
    public var size: Int {
        let hostBits = Self.maximumPrefix(network) - prefixLength
        return hostBits >= Int.bitWidth - 1 ? Int.max : 1 << hostBits
    }

    public func contains(_ address: IPAddress) -> Bool {
        address.family == family && Self.masked(address, prefixLength) == network
    }

    /// True when the blocks share any address; blocks of different families never do.
    public func overlaps(_ other: IPSubnet) -> Bool {
        family == other.family
            && Self.masked(network, min(prefixLength, other.prefixLength))
                == Self.masked(other.network, min(prefixLength, other.prefixLength))
    }

    /// Python netaddr-style indexing: 0 is the network address, 1 the first after it,
    /// -1 the last (broadcast for v4), -2 the one before. Nil when outside the subnet.
    public func address(at index: Int) -> IPAddress? {
        let candidate = index >= 0 ? network.adding(index) : lastAddress.adding(index + 1)
        guard let candidate, contains(candidate) else { return nil }
        return candidate
    }

    private var lastAddress: IPAddress {
        switch network {
        case .v4(let value):
            return .v4(value | ~Self.mask32(prefixLength))
        case .v6(let high, let low):
            return .v6(high | ~Self.mask64(prefixLength), low | ~Self.mask64(prefixLength - 64))
        }
    }

    // MARK: - Masks

    private static func maximumPrefix(_ address: IPAddress) -> Int {
        address.family == 4 ? 32 : 128
    }

    private static func masked(_ address: IPAddress, _ prefix: Int) -> IPAddress {
        switch address {
        case .v4(let value): return .v4(value & mask32(prefix))
        case .v6(let high, let low): return .v6(high & mask64(prefix), low & mask64(prefix - 64))
        }
    }

    private static func mask32(_ bits: Int) -> UInt32 {
        bits <= 0 ? 0 : bits >= 32 ? .max : .max << (32 - bits)
    }

    /// Leading `bits` ones, clamped to 0-64 so the low half of an IPv6 mask is
    /// simply `mask64(prefix - 64)`.
    private static func mask64(_ bits: Int) -> UInt64 {
        bits <= 0 ? 0 : bits >= 64 ? .max : .max << (64 - bits)
    }
}

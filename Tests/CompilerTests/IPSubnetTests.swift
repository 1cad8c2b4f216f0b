import XCTest
import Compiler

final class IPSubnetTests: XCTestCase {
    private func subnet(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> IPSubnet {
        try XCTUnwrap(IPSubnet(text), "\(text) should parse", file: file, line: line)
    }

    func testParsing() throws {
        XCTAssertEqual(try subnet("192.168.204.0/24").description, "192.168.204.0/24")
        XCTAssertEqual(try subnet("fd01::/64").description, "fd01::/64")
        XCTAssertEqual(try subnet("fd01:0:0:0::/64").description, "fd01::/64")
        XCTAssertEqual(try subnet("0.0.0.0/0").prefixLength, 0)
        XCTAssertEqual(try subnet("::/0").family, 6)
        XCTAssertEqual(try subnet("10.1.2.3/32").family, 4)
        XCTAssertEqual(try subnet("::1/128").network, IPAddress("::1"))
        for bad in ["192.168.204.0", "192.168.204.0/", "/24", "192.168.204.0/24/1", "192.168.204.0/+24",
                    "192.168.204.0/024", "192.168.204.0/ 24", "300.1.1.0/24", "fd01::%eth0/64", "fd01::/x"] {
            XCTAssertEqual(IPSubnet.parse(bad), .failure(.malformed(bad)), bad)
            XCTAssertNil(IPSubnet(bad), bad)
        }
        XCTAssertEqual(IPSubnet.parse("10.0.0.0/33"), .failure(.prefixOutOfRange("10.0.0.0/33", maximum: 32)))
        XCTAssertEqual(IPSubnet.parse("fd01::/129"), .failure(.prefixOutOfRange("fd01::/129", maximum: 128)))
        XCTAssertEqual(IPSubnet.parse("fd01::/99999999999999999999"),
                       .failure(.prefixOutOfRange("fd01::/99999999999999999999", maximum: 128)))
    }

    func testHostBitsSetSuggestsNetwork() throws {
        let result = IPSubnet.parse("192.168.204.5/24")
        XCTAssertEqual(result, .failure(.hostBitsSet("192.168.204.5/24", suggestion: try subnet("192.168.204.0/24"))))
        guard case .failure(let error) = result else { return XCTFail("should fail") }
        XCTAssertEqual(error.description, "'192.168.204.5/24' has host bits set; did you mean 192.168.204.0/24?")
        guard case .failure(let v6Error) = IPSubnet.parse("fd01::1/64") else { return XCTFail("should fail") }
        XCTAssertTrue(v6Error.description.hasSuffix("did you mean fd01::/64?"), v6Error.description)
        XCTAssertNil(IPSubnet("192.168.204.5/24"))
    }

    func testMemberwiseInitMasks() {
        let masked = IPSubnet(network: IPAddress("192.168.204.77")!, prefixLength: 26)
        XCTAssertEqual(masked.description, "192.168.204.64/26")
        XCTAssertEqual(IPSubnet(network: IPAddress("fd01::1:2:3:4")!, prefixLength: 96).description, "fd01::1:2:0:0/96")
        XCTAssertEqual(masked, IPSubnet("192.168.204.64/26"))
    }

    func testNetmask() throws {
        XCTAssertEqual(try subnet("192.168.204.0/24").netmask, "255.255.255.0")
        XCTAssertEqual(try subnet("10.0.0.0/8").netmask, "255.0.0.0")
        XCTAssertEqual(try subnet("10.0.0.0/9").netmask, "255.128.0.0")
        XCTAssertEqual(try subnet("0.0.0.0/0").netmask, "0.0.0.0")
        XCTAssertEqual(try subnet("1.2.3.4/32").netmask, "255.255.255.255")
        XCTAssertEqual(try subnet("fd01::/64").netmask, "ffff:ffff:ffff:ffff::")
        XCTAssertEqual(try subnet("fd01::/48").netmask, "ffff:ffff:ffff::")
        XCTAssertEqual(try subnet("fd01::/65").netmask, "ffff:ffff:ffff:ffff:8000::")
        XCTAssertEqual(try subnet("ff08::1:1:0/124").netmask, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0")
        XCTAssertEqual(try subnet("::/0").netmask, "::")
    }

    func testSize() throws {
        XCTAssertEqual(try subnet("192.168.204.0/24").size, 256)
        XCTAssertEqual(try subnet("0.0.0.0/0").size, 1 << 32)
        XCTAssertEqual(try subnet("10.0.0.1/32").size, 1)
        XCTAssertEqual(try subnet("ff08::1:1:0/124").size, 16)
        XCTAssertEqual(try subnet("fd01::/66").size, 1 << 62)
        XCTAssertEqual(try subnet("fd01::/65").size, Int.max)
        XCTAssertEqual(try subnet("fd01::/64").size, Int.max)
        XCTAssertEqual(try subnet("::/0").size, Int.max)
    }

    func testIndexing() throws {
        let v4 = try subnet("192.168.204.0/24")
        XCTAssertEqual(v4.address(at: 0), IPAddress("192.168.204.0"))
        XCTAssertEqual(v4.address(at: 1), IPAddress("192.168.204.1"))
        XCTAssertEqual(v4.address(at: 2), IPAddress("192.168.204.2"))
        XCTAssertEqual(v4.address(at: 255), IPAddress("192.168.204.255"))
        XCTAssertEqual(v4.address(at: -1), IPAddress("192.168.204.255"))
        XCTAssertEqual(v4.address(at: -2), IPAddress("192.168.204.254"))
        XCTAssertEqual(v4.address(at: -256), IPAddress("192.168.204.0"))
        XCTAssertNil(v4.address(at: 256))
        XCTAssertNil(v4.address(at: -257))
        XCTAssertNil(v4.address(at: Int.max))
        XCTAssertNil(v4.address(at: Int.min))

        let v6 = try subnet("fd01::/64")
        XCTAssertEqual(v6.address(at: 2)?.description, "fd01::2")
        XCTAssertEqual(v6.address(at: -2)?.description, "fd01::ffff:ffff:ffff:fffe")
        XCTAssertEqual(v6.address(at: -1)?.description, "fd01::ffff:ffff:ffff:ffff")
        XCTAssertEqual(v6.address(at: Int.max)?.description, "fd01::7fff:ffff:ffff:ffff")
        XCTAssertEqual(v6.address(at: Int.min)?.description, "fd01::8000:0:0:0")

        XCTAssertEqual(try subnet("239.1.1.0/28").address(at: -1)?.description, "239.1.1.15")
        XCTAssertNil(try subnet("239.1.1.0/28").address(at: 16))
        let multicast6 = try subnet("ff08::1:1:0/124")
        XCTAssertEqual(multicast6.address(at: 1)?.description, "ff08::1:1:1")
        XCTAssertEqual(multicast6.address(at: -1)?.description, "ff08::1:1:f")
        XCTAssertNil(multicast6.address(at: 16))
        XCTAssertNil(multicast6.address(at: -17))

        XCTAssertEqual(try subnet("255.255.255.0/24").address(at: -1), IPAddress("255.255.255.255"))
        XCTAssertNil(try subnet("255.255.255.0/24").address(at: 300))
        XCTAssertEqual(try subnet("::/0").address(at: -1)?.description, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
        XCTAssertEqual(try subnet("10.0.0.7/32").address(at: -1), IPAddress("10.0.0.7"))
        XCTAssertNil(try subnet("10.0.0.7/32").address(at: 1))
    }

    func testContains() throws {
        let v4 = try subnet("192.168.204.0/24")
        XCTAssertTrue(v4.contains(IPAddress("192.168.204.0")!))
        XCTAssertTrue(v4.contains(IPAddress("192.168.204.255")!))
        XCTAssertFalse(v4.contains(IPAddress("192.168.205.0")!))
        XCTAssertFalse(v4.contains(IPAddress("::ffff:192.168.204.1")!))
        let v6 = try subnet("fd01::/64")
        XCTAssertTrue(v6.contains(IPAddress("fd01::ffff:ffff:ffff:ffff")!))
        XCTAssertFalse(v6.contains(IPAddress("fd01:0:0:1::")!))
        XCTAssertFalse(v6.contains(IPAddress("192.168.204.1")!))
        XCTAssertTrue(try subnet("::/0").contains(IPAddress("fd01::1")!))
        XCTAssertFalse(try subnet("::/0").contains(IPAddress("1.2.3.4")!))
    }

    func testOverlaps() throws {
        let pairs: [(String, String, Bool)] = [
            ("192.168.204.0/24", "192.168.204.128/25", true),
            ("192.168.204.128/25", "192.168.204.0/24", true),
            ("192.168.204.0/24", "192.168.205.0/24", false),
            ("192.168.204.0/23", "192.168.205.0/24", true),
            ("192.168.204.0/24", "192.168.204.0/24", true),
            ("0.0.0.0/0", "10.0.0.0/8", true),
            ("fd01::/64", "fd01:0:0:1::/80", false),
            ("fd01::/64", "fd01::1:0:0:0/80", true),
            ("fd01::/64", "fd01::/80", true),
            ("fd01::/48", "fd01:0:0:1::/64", true),
            ("fd01::/48", "fd01:0:1::/64", false),
            ("fd01::/64", "fd02::/64", false),
            ("::/0", "0.0.0.0/0", false),
        ]
        for (first, second, expected) in pairs {
            XCTAssertEqual(try subnet(first).overlaps(try subnet(second)), expected, "\(first) vs \(second)")
        }
    }
}

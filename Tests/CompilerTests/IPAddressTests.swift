import XCTest
import Compiler

final class IPAddressTests: XCTestCase {
    func testValidAddressesAndCanonicalForm() {
        let cases: [(input: String, canonical: String, family: Int)] = [
            ("0.0.0.0", "0.0.0.0", 4),
            ("255.255.255.255", "255.255.255.255", 4),
            ("192.168.204.2", "192.168.204.2", 4),
            ("10.0.0.1", "10.0.0.1", 4),
            ("::", "::", 6),
            ("::1", "::1", 6),
            ("1::", "1::", 6),
            ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", 6),
            ("::ffff:10.0.0.1", "::ffff:10.0.0.1", 6),
            ("::FFFF:1.2.3.4", "::ffff:1.2.3.4", 6),
            ("2001:db8::1:0:0:1", "2001:db8::1:0:0:1", 6),
            ("2001:0db8:0:0:0:0:2:1", "2001:db8::2:1", 6),
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1", 6),
            ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1", 6),
            ("2001:db8:0:0:1::1", "2001:db8::1:0:0:1", 6),
            ("fd00:0000:0000:0000:0000:0000:0000:0002", "fd00::2", 6),
            ("ff08:0:0:0:0:0:1:0", "ff08::1:0", 6),
            ("ff08::1:1:0", "ff08::1:1:0", 6),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3", 6),
            ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", 6),
            ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8", 6),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304", 6),
            ("::1.2.3.4", "::102:304", 6),
            ("fe80::1", "fe80::1", 6),
        ]
        for (input, canonical, family) in cases {
            guard let address = IPAddress(input) else {
                XCTFail("\(input) should parse")
                continue
            }
            XCTAssertEqual(address.description, canonical, input)
            XCTAssertEqual(address.family, family, input)
            XCTAssertEqual(IPAddress(canonical), address, "round trip of \(input)")
        }
    }

    func testInvalidAddresses() {
        let cases = [
            "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3",
            "1.2.3.4 ", " 1.2.3.4", "+1.2.3.4", "1.2.3.-4", "a.b.c.d", "1.2.3.4/32",
            "１.2.3.4",  // fullwidth digit
            "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":", ":::", "1::2::3",
            ":1::2", "1::2:", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "g::1",
            "::ffff:1.2.3", "::ffff:01.2.3.4", "1.2.3.4::", "::1.2.3.4:1", "1:2:3:4:5:6:7:1.2.3.4",
            "::+1", "[::1]",
        ]
        for input in cases {
            XCTAssertNil(IPAddress(input), "\(input) should be rejected")
        }
    }

    func testUrlFormatted() {
        XCTAssertEqual(IPAddress("fd00::2")?.urlFormatted, "[fd00::2]")
        XCTAssertEqual(IPAddress("192.168.204.2")?.urlFormatted, "192.168.204.2")
    }

    func testAdding() {
        XCTAssertEqual(IPAddress("192.168.204.2")?.adding(1), IPAddress("192.168.204.3"))
        XCTAssertEqual(IPAddress("192.168.204.255")?.adding(1), IPAddress("192.168.205.0"))
        XCTAssertEqual(IPAddress("192.168.205.0")?.adding(-1), IPAddress("192.168.204.255"))
        XCTAssertEqual(IPAddress("255.255.255.254")?.adding(1), IPAddress("255.255.255.255"))
        XCTAssertNil(IPAddress("255.255.255.255")?.adding(1))
        XCTAssertNil(IPAddress("0.0.0.0")?.adding(-1))
        XCTAssertNil(IPAddress("0.0.0.0")?.adding(Int.max))
        XCTAssertNil(IPAddress("255.255.255.255")?.adding(Int.min))

        XCTAssertEqual(IPAddress("fd00::2")?.adding(1), IPAddress("fd00::3"))
        XCTAssertEqual(IPAddress("fd00::ffff:ffff:ffff:ffff")?.adding(1), IPAddress("fd00:0:0:1::"))
        XCTAssertEqual(IPAddress("fd00:0:0:1::")?.adding(-1), IPAddress("fd00::ffff:ffff:ffff:ffff"))
        XCTAssertEqual(IPAddress("::")?.adding(Int.max), .v6(0, UInt64(Int.max)))
        XCTAssertEqual(IPAddress("::1:0:0:0:0")?.adding(Int.min), .v6(0, UInt64(1) << 63))
        XCTAssertNil(IPAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")?.adding(1))
        XCTAssertNil(IPAddress("::")?.adding(-1))
        XCTAssertEqual(IPAddress("::")?.adding(0), IPAddress("::"))
    }

    func testMulticast() {
        XCTAssertEqual(IPAddress("224.0.0.1")?.isMulticast, true)
        XCTAssertEqual(IPAddress("239.1.1.1")?.isMulticast, true)
        XCTAssertEqual(IPAddress("240.0.0.1")?.isMulticast, false)
        XCTAssertEqual(IPAddress("223.255.255.255")?.isMulticast, false)
        XCTAssertEqual(IPAddress("ff08::1:1:0")?.isMulticast, true)
        XCTAssertEqual(IPAddress("fe80::1")?.isMulticast, false)
    }

    func testOrdering() {
        let sorted = ["::1", "10.0.0.2", "fd00::1", "10.0.0.10", "::"].compactMap(IPAddress.init).sorted()
        XCTAssertEqual(sorted.map(\.description), ["10.0.0.2", "10.0.0.10", "::", "::1", "fd00::1"])
        XCTAssertLessThan(IPAddress("1::")!, IPAddress("1::1")!)
        XCTAssertLessThan(IPAddress("::ffff:ffff:ffff:ffff")!, IPAddress("0:0:0:1::")!)
    }
}

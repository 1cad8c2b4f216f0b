import Compiler
import XCTest

final class FieldGrammarTests: XCTestCase {
    func testNamesHoldNoShellOrControlCharacters() {
        for grammar in [FieldGrammar.region, .systemName, .interfaceName, .dataNetworkName, .hieraKey, .tierName, .dnsLabel("namespace"), .applicationVersion] {
            for bad in ["a;b", "a b", "a$(id)", "a`id`", "a\nb", "a\u{0}b", "a\u{7}b", "a'b", "a\"b", "a|b", "../a", "", "a\u{301}"] {
                XCTAssertNotNil(grammar.problem(bad), "\(grammar.what) accepts \(FieldGrammar.quoted(bad))")
            }
        }
        XCTAssertNil(FieldGrammar.region.problem("RegionOne"))
        XCTAssertNil(FieldGrammar.softwareVersion.problem("19.01"))
        XCTAssertNotNil(FieldGrammar.softwareVersion.problem("19.01\n"))
        XCTAssertNil(FieldGrammar.applicationVersion.problem("1.0-5+g1a2b"))
        XCTAssertNotNil(FieldGrammar.applicationVersion.problem(String(repeating: "1", count: 65)))
        XCTAssertNil(FieldGrammar.hieraKey.problem("platform::docker::params::http_proxy"))
    }

    func testServersAreAddressesOrDNSNames() {
        XCTAssertNil(FieldGrammar.serverProblem("0.pool.ntp.org"))
        XCTAssertNil(FieldGrammar.serverProblem("fd00::1"))
        XCTAssertNotNil(FieldGrammar.serverProblem("pool.ntp.org iburst"))
        XCTAssertNotNil(FieldGrammar.serverProblem("-bad.example"))
    }

    /// tz database names only: not Foundation's offsets or Java's three-letter ids, never a path.
    func testTimezonesAreTzDatabaseNames() {
        for zone in ["UTC", "America/New_York", "Asia/Kolkata", "Etc/GMT+5", "EST5EDT"] {
            XCTAssertNil(FieldGrammar.timezoneProblem(zone), zone)
        }
        for zone in ["Mars/Olympus_Mons", "GMT+5", "PST", "../etc/passwd", "/UTC", "UTC\n", "utc"] {
            XCTAssertNotNil(FieldGrammar.timezoneProblem(zone), zone)
        }
    }

    func testQuotedSpellsOutControlCharacters() {
        XCTAssertEqual(FieldGrammar.quoted("a\nb\u{7}\u{0}\""), #""a\nb\u{7}\u{0}\"""#)
    }
}

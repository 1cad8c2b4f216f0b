@testable import Compiler
import XCTest

final class ParallelTests: XCTestCase {
    /// Every item is transformed exactly once and the results keep the input's order, whatever
    /// the number of items against the number of chunks (a chunk may be short or the last one
    /// empty-handed).
    func testMapKeepsOrderForEverySize() {
        for count in 0...300 {
            for minimumItems in [0, 2, 64] {
                let items = Array(0..<count)
                XCTAssertEqual(Parallel.map(items, minimumItems: minimumItems) { $0 * 3 + 1 }, items.map { $0 * 3 + 1 },
                               "\(count) items, minimum \(minimumItems)")
            }
        }
    }

    /// Grouped, the items still come back in the input's order, each transformed once, whether
    /// a group is smaller than a core's share, split into shares, or interleaved with others.
    func testGroupedMapKeepsOrderAndRunsEachItemOnce() {
        for count in [0, 1, 63, 64, 65, 500, 2_001] {
            for groups in [1, 2, 7, 1_000] {
                let items = Array(0..<count)
                let counter = Counter()
                let results = Parallel.map(items, groupedBy: { $0 % groups }) { item -> Int in
                    counter.add(item)
                    return item * 3 + 1
                }
                XCTAssertEqual(results, items.map { $0 * 3 + 1 }, "\(count) items in \(groups) groups")
                XCTAssertEqual(counter.calls, count)
                XCTAssertEqual(counter.seen, Set(items))
            }
        }
    }

    func testMapRunsEachItemOnce() {
        let counter = Counter()
        _ = Parallel.map(Array(0..<1_000)) { counter.add($0) }
        XCTAssertEqual(counter.seen, Set(0..<1_000))
        XCTAssertEqual(counter.calls, 1_000)
    }

    /// Both run, each once, and each result comes back in its own place, of any two types.
    func testBothRunsEachOnceAndKeepsTheirResults() {
        for round in 0..<200 {
            let counter = Counter()
            let (text, numbers) = Parallel.both({ () -> String in
                counter.add(0)
                return "first \(round)"
            }, { () -> [Int]? in
                counter.add(1)
                return Array(0..<round)
            })
            XCTAssertEqual(text, "first \(round)")
            XCTAssertEqual(numbers, Array(0..<round))
            XCTAssertEqual(counter.calls, 2)
            XCTAssertEqual(counter.seen, [0, 1])
        }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var seen: Set<Int> = []
    private(set) var calls = 0

    func add(_ value: Int) {
        lock.lock()
        defer { lock.unlock() }
        seen.insert(value)
        calls += 1
    }
}

/// The order in which Python 2.7 (64-bit, hash randomisation off, as sysinv ran) iterates a dict
/// or set of strings. sysinv wrote `json.dumps` of dicts and `list(set(…))` into hiera, so the
/// bytes it produced follow CPython 2.7's hash tables: an open-addressed table of 8 slots at
/// first, probed with `i = 5i + perturb + 1` (`perturb >>= 5` each step), grown to the smallest
/// power of two above four times the entries once it is two-thirds full, and read slot by slot.
/// Strings of ASCII hash as `string_hash` of Objects/stringobject.c (unicode hashes the same).
enum PythonTwoOrder {
    /// The keys of the dict a display `{…}` of `keys` builds (presized for more than five pairs,
    /// then each inserted left to right), after `.update({…})` with each of `updates` in turn, as
    /// `for key in dict` returns them. An update (`PyDict_Merge`) grows the table once, up front,
    /// when the keys it brings would fill two-thirds of it, then inserts them in its own dict's
    /// order.
    static func dict(_ keys: [String], updatedWith updates: [[String]] = []) -> [String] {
        var table = Table()
        if keys.count > 5 { table.resize(minimum: keys.count) }
        for key in keys { table.insert(key) }
        for update in updates {
            // The update's own dict, read in its table's order.
            let other = dict(update)
            guard !other.isEmpty else { continue }
            if (table.used + other.count) * 3 >= table.slots.count * 2 { table.resize(minimum: (table.used + other.count) * 2) }
            for key in other { table.insert(key, growing: false) }
        }
        return table.ordered
    }

    /// `list(set(items))`: each item once, in the set's order.
    static func set(_ items: [String]) -> [String] {
        var table = Table()
        for item in items { table.insert(item) }
        return table.ordered
    }

    /// CPython 2.7's `string_hash` as a 64-bit `long`.
    static func hash(_ string: String) -> Int64 {
        let bytes = Array(string.utf8)
        guard let first = bytes.first else { return 0 }
        var x = Int64(first) << 7
        for byte in bytes { x = (1_000_003 &* x) ^ Int64(byte) }
        x ^= Int64(bytes.count)
        return x == -1 ? -2 : x
    }

    private struct Table {
        var slots: [(key: String, hash: Int64)?] = Array(repeating: nil, count: 8)
        var used = 0

        var ordered: [String] { slots.compactMap { $0?.key } }

        mutating func insert(_ key: String, growing: Bool = true) {
            let hash = PythonTwoOrder.hash(key)
            if Self.place(key, hash, in: &slots, replacing: true) { return }
            used += 1
            // No entry is ever deleted, so `fill` equals `used`.
            if growing && used * 3 >= slots.count * 2 { resize(minimum: 4 * used) }
        }

        /// Puts `key` in the first free slot of its probe sequence; false if it was there already.
        static func place(_ key: String, _ hash: Int64, in slots: inout [(key: String, hash: Int64)?], replacing: Bool) -> Bool {
            let mask = UInt64(slots.count - 1)
            var perturb = UInt64(bitPattern: hash)
            var index = perturb & mask
            while let entry = slots[Int(index & mask)] {
                if replacing && entry.hash == hash && entry.key == key { return true }
                index = (index << 2) &+ index &+ perturb &+ 1
                perturb >>= 5
            }
            slots[Int(index & mask)] = (key, hash)
            return false
        }

        /// `dictresize`/`set_table_resize`: the entries move in their old slot order.
        mutating func resize(minimum: Int) {
            var size = 8
            while size <= minimum { size <<= 1 }
            var grown: [(key: String, hash: Int64)?] = Array(repeating: nil, count: size)
            for case let entry? in slots { _ = Self.place(entry.key, entry.hash, in: &grown, replacing: false) }
            slots = grown
        }
    }
}

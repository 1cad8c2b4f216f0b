import Synchronization

/// Long lists that several files of one tree hold in common, rendered once. A chart's per-host
/// overrides (neutron's agents, nova's compute hosts) appear in its helm file, in its Armada
/// override document and in the Armada manifest: the same array, shared by copy-on-write, at a
/// different depth in each. A list is recognised by its storage, which no other list can share
/// while the tree holds it; it is rendered at indent 0 and copied with each line indented as the
/// place needs, which gives the same bytes as rendering it there, because no scalar spans lines
/// (every line break inside a string is escaped) and nothing the writer decides depends on the
/// indent. Rendering is the same with or without the cache, and whichever thread renders a list
/// first, the bytes are the same.
final class SharedLists: Sendable {
    /// Shorter lists are rendered in place: looking them up would cost more than it saves.
    static let minimumCount = 32

    private struct Key: Hashable {
        let storage: UInt
        let count: Int
    }

    /// One list's rendering; the thread that renders it holds its lock, so that another thread
    /// asking for the same list waits for the bytes rather than rendering them again. Locks are
    /// taken only from an enclosing list's to a nested one's, so no two threads wait for each other.
    private final class Entry: Sendable {
        let rendered = Mutex<[UInt8]?>(nil)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// Appends `items` as `YAMLWriter.block` would at `indent`; `render` renders them at indent 0.
    func append(_ items: [YAMLValue], indent: Int, to bytes: inout [UInt8], render: () -> [UInt8]) {
        guard let storage = items.withUnsafeBufferPointer({ $0.baseAddress.map { UInt(bitPattern: $0) } }) else { return }
        let key = Key(storage: storage, count: items.count)
        let entry = entries.withLock { entries in
            if let known = entries[key] { return known }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
        entry.rendered.withLock { rendered in
            if rendered == nil { rendered = render() }
            Self.append(rendered!, indentedBy: indent, to: &bytes)
        }
    }

    /// `lines` (whole lines, each ending in "\n", as the writer makes them) with `indent` spaces
    /// before each; a last line without its "\n" is copied as it is.
    static func append(_ lines: [UInt8], indentedBy indent: Int, to bytes: inout [UInt8]) {
        guard indent > 0 else {
            bytes.append(contentsOf: lines)
            return
        }
        let spaces = [UInt8](repeating: .space, count: indent)
        lines.withUnsafeBufferPointer { lines in
            var start = 0
            while start < lines.count {
                var end = start
                while end < lines.count && lines[end] != .newline { end += 1 }
                let next = min(end + 1, lines.count)
                bytes.append(contentsOf: spaces)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: lines[start..<next]))
                start = next
            }
        }
    }
}

/// Line-based unified diff, formatted the way `diff -u` / `git diff --no-index` print it.
public enum UnifiedDiff {
    /// Nil when the texts are byte-for-byte equal. Otherwise "--- a/<oldName>",
    /// "+++ b/<newName>" and `@@ -l,s +l,s @@` hunks with `context` unchanged lines
    /// around each change; changes at most `2 * context` lines apart share a hunk.
    ///
    /// Lines are compared as bytes (not as Swift `String`s, which would equate
    /// canonically equivalent Unicode), and a last line without "\n" differs from
    /// the same text with one, exactly as in diff, which then prints
    /// "\ No newline at end of file" after it.
    public static func diff(old: String, new: String, oldName: String, newName: String,
                            context: Int = 3) -> String? {
        guard !old.utf8.elementsEqual(new.utf8) else { return nil }
        let oldLines = Lines(old), newLines = Lines(new)
        var ids: [LineKey: Int] = [:]
        func identify(_ lines: Lines) -> [Int] {
            lines.lines.indices.map { index in
                let key = LineKey(bytes: lines.lines[index], unterminated: lines.isUnterminated(index))
                if let id = ids[key] { return id }
                ids[key] = ids.count
                return ids.count - 1
            }
        }
        let oldIDs = identify(oldLines), newIDs = identify(newLines)
        let (deleted, inserted) = changedLines(oldIDs, newIDs, idCount: ids.count)
        let edits = editScript(deleted: deleted, inserted: inserted)

        var output = Array("--- a/\(oldName)\n+++ b/\(newName)\n".utf8)
        let changes = edits.indices.filter { edits[$0].kind != .same }
        let context = min(max(0, context), edits.count)  // clamped so the sums below can't overflow
        var first = 0
        while first < changes.count {
            var last = first
            while last + 1 < changes.count && changes[last + 1] - changes[last] - 1 <= 2 * context {
                last += 1
            }
            let hunk = edits[max(0, changes[first] - context)..<min(edits.count, changes[last] + context + 1)]
            appendHunk(hunk, old: oldLines, new: newLines, to: &output)
            first = last + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Lines and edit script

    /// A text split at "\n" bytes. Working on UTF-8 bytes keeps "\r\n" intact
    /// (Swift treats it as one Character) and reproduces the input exactly.
    private struct Lines {
        let lines: [ArraySlice<UInt8>]
        let endsWithNewline: Bool

        init(_ text: String) {
            let bytes = Array(text.utf8)
            var parts = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            endsWithNewline = bytes.isEmpty || bytes.last == UInt8(ascii: "\n")
            if endsWithNewline { parts.removeLast() }
            lines = parts
        }

        func isUnterminated(_ index: Int) -> Bool {
            !endsWithNewline && index == lines.count - 1
        }
    }

    private struct LineKey: Hashable {
        let bytes: ArraySlice<UInt8>
        let unterminated: Bool
    }

    private enum Kind { case same, removed, added }

    /// One output line; the indexes count the lines of each side before it,
    /// which is what a hunk header needs for its start positions.
    private struct Edit {
        let kind: Kind
        let oldIndex: Int
        let newIndex: Int
    }

    /// Lines that occur on one side only can never match, so they are marked up
    /// front and Myers runs on the rest. The result is still minimal, and a file
    /// whose lines were all replaced costs O(N) instead of Myers' O(N²) worst case.
    private static func changedLines(_ a: [Int], _ b: [Int], idCount: Int) -> (deleted: [Bool], inserted: [Bool]) {
        var inA = Array(repeating: false, count: idCount), inB = inA
        for id in a { inA[id] = true }
        for id in b { inB[id] = true }
        let keptA = a.indices.filter { inB[a[$0]] }, keptB = b.indices.filter { inA[b[$0]] }
        var myers = Myers(keptA.map { a[$0] }, keptB.map { b[$0] })
        myers.run()
        var deleted = Array(repeating: true, count: a.count), inserted = Array(repeating: true, count: b.count)
        for (index, original) in keptA.enumerated() { deleted[original] = myers.deleted[index] }
        for (index, original) in keptB.enumerated() { inserted[original] = myers.inserted[index] }
        return (deleted, inserted)
    }

    /// Interleaves the marked lines; within a change, removals come before additions.
    private static func editScript(deleted: [Bool], inserted: [Bool]) -> [Edit] {
        var edits: [Edit] = []
        edits.reserveCapacity(max(deleted.count, inserted.count))
        var oldIndex = 0, newIndex = 0
        while oldIndex < deleted.count || newIndex < inserted.count {
            if oldIndex < deleted.count && deleted[oldIndex] {
                edits.append(Edit(kind: .removed, oldIndex: oldIndex, newIndex: newIndex))
                oldIndex += 1
            } else if newIndex < inserted.count && inserted[newIndex] {
                edits.append(Edit(kind: .added, oldIndex: oldIndex, newIndex: newIndex))
                newIndex += 1
            } else {
                edits.append(Edit(kind: .same, oldIndex: oldIndex, newIndex: newIndex))
                oldIndex += 1
                newIndex += 1
            }
        }
        return edits
    }

    private static func appendHunk(_ hunk: ArraySlice<Edit>, old: Lines, new: Lines, to output: inout [UInt8]) {
        let oldCount = hunk.filter { $0.kind != .added }.count
        let newCount = hunk.filter { $0.kind != .removed }.count
        let first = hunk[hunk.startIndex]
        let header = "@@ -\(range(first.oldIndex, oldCount)) +\(range(first.newIndex, newCount)) @@\n"
        output += header.utf8
        for edit in hunk {
            let (prefix, lines, index): (Character, Lines, Int)
            switch edit.kind {
            case .same: (prefix, lines, index) = (" ", old, edit.oldIndex)
            case .removed: (prefix, lines, index) = ("-", old, edit.oldIndex)
            case .added: (prefix, lines, index) = ("+", new, edit.newIndex)
            }
            output += prefix.utf8
            output += lines.lines[index]
            output.append(UInt8(ascii: "\n"))
            if lines.isUnterminated(index) {
                output += "\\ No newline at end of file\n".utf8
            }
        }
    }

    /// GNU diff's range notation: an empty side names the line before it with
    /// count 0 ("0,0" for an empty file), and a count of 1 is left out.
    private static func range(_ linesBefore: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(linesBefore),0"
        case 1: return "\(linesBefore + 1)"
        default: return "\(linesBefore + 1),\(count)"
        }
    }

    // MARK: - Myers

    /// Myers' O(ND) diff in linear space: the "middle snake" divide and conquer
    /// of GNU diff and git's xdiff, with their tie-breaking. Their extra passes
    /// (e.g. sliding changes along repeated lines) are not reproduced, so highly
    /// repetitive input can get a different, equally small diff. A work stack
    /// instead of recursion keeps deep splits off the call stack.
    private struct Myers {
        private let a: [Int], b: [Int]
        private(set) var deleted: [Bool]
        private(set) var inserted: [Bool]
        /// Furthest x reached per diagonal (k = x - y), forward and backward,
        /// shifted by `offset` and with a spare slot each side for sentinels.
        private var forward: [Int], backward: [Int]
        private let offset: Int

        init(_ a: [Int], _ b: [Int]) {
            self.a = a
            self.b = b
            deleted = Array(repeating: false, count: a.count)
            inserted = Array(repeating: false, count: b.count)
            offset = b.count + 1
            forward = Array(repeating: 0, count: a.count + b.count + 3)
            backward = forward
        }

        mutating func run() {
            var pending = [(xLow: 0, xHigh: a.count, yLow: 0, yHigh: b.count)]
            while var box = pending.popLast() {
                while box.xLow < box.xHigh && box.yLow < box.yHigh && a[box.xLow] == b[box.yLow] {
                    box.xLow += 1
                    box.yLow += 1
                }
                while box.xLow < box.xHigh && box.yLow < box.yHigh && a[box.xHigh - 1] == b[box.yHigh - 1] {
                    box.xHigh -= 1
                    box.yHigh -= 1
                }
                if box.xLow == box.xHigh {
                    for y in box.yLow..<box.yHigh { inserted[y] = true }
                } else if box.yLow == box.yHigh {
                    for x in box.xLow..<box.xHigh { deleted[x] = true }
                } else {
                    let (x, y) = middleSnake(box.xLow, box.xHigh, box.yLow, box.yHigh)
                    pending.append((box.xLow, x, box.yLow, y))
                    pending.append((x, box.xHigh, y, box.yHigh))
                }
            }
        }

        /// A point on an optimal path strictly inside the box. Requires the box
        /// to be trimmed (first and last lines differ), which `run` guarantees.
        private mutating func middleSnake(_ xLow: Int, _ xHigh: Int, _ yLow: Int, _ yHigh: Int) -> (Int, Int) {
            let kMin = xLow - yHigh, kMax = xHigh - yLow
            let fMid = xLow - yLow, bMid = xHigh - yHigh
            var fMin = fMid, fMax = fMid, bMin = bMid, bMax = bMid
            let odd = (fMid - bMid) & 1 != 0
            forward[fMid + offset] = xLow
            backward[bMid + offset] = xHigh
            while true {
                // Widen the band of diagonals by one each side, or narrow it at
                // the box edge to keep its parity; sentinels make edges lose.
                if fMin > kMin { fMin -= 1; forward[fMin - 1 + offset] = -1 } else { fMin += 1 }
                if fMax < kMax { fMax += 1; forward[fMax + 1 + offset] = -1 } else { fMax -= 1 }
                for k in stride(from: fMax, through: fMin, by: -2) {
                    let low = forward[k - 1 + offset], high = forward[k + 1 + offset]
                    var x = low >= high ? low + 1 : high
                    var y = x - k
                    while x < xHigh && y < yHigh && a[x] == b[y] { x += 1; y += 1 }
                    forward[k + offset] = x
                    if odd && bMin <= k && k <= bMax && backward[k + offset] <= x { return (x, y) }
                }
                if bMin > kMin { bMin -= 1; backward[bMin - 1 + offset] = .max } else { bMin += 1 }
                if bMax < kMax { bMax += 1; backward[bMax + 1 + offset] = .max } else { bMax -= 1 }
                for k in stride(from: bMax, through: bMin, by: -2) {
                    let low = backward[k - 1 + offset], high = backward[k + 1 + offset]
                    var x = low < high ? low : high - 1
                    var y = x - k
                    while x > xLow && y > yLow && a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                    backward[k + offset] = x
                    if !odd && fMin <= k && k <= fMax && x <= forward[k + offset] { return (x, y) }
                }
            }
        }
    }
}

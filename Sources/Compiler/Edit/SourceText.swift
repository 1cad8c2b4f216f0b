/// Inventory text addressed as YAML marks address it (1-based line, column in characters), so
/// that positions from the reader point straight at the characters an edit replaces.
struct SourceText {
    let scalars: [Unicode.Scalar]
    /// Offset of the first character of each line.
    let lineStarts: [Int]
    /// The file's own line break, used for every line an edit adds.
    let newline: String

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" && index + 1 < scalars.count {
            starts.append(index + 1)
        }
        lineStarts = starts
        newline = text.contains("\r\n") ? "\r\n" : "\n"
    }

    var lineCount: Int { lineStarts.count }

    func offset(_ location: SourceLocation) -> Int {
        lineStarts[location.line - 1] + location.column - 1
    }

    /// Offset of the line's break (or of the end of the text on a last line without one).
    func lineEnd(_ line: Int) -> Int {
        var end = line < lineCount ? lineStarts[line] : scalars.count
        while end > lineStarts[line - 1], scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
        return end
    }

    func text(ofLine line: Int) -> Substring.UnicodeScalarView {
        String.UnicodeScalarView(scalars[lineStarts[line - 1]..<lineEnd(line)])[...]
    }

    /// Blank lines and comment-only lines belong to no node: trailing ones stay where they are.
    func isBlankOrComment(_ line: Int) -> Bool {
        let content = text(ofLine: line).drop { $0 == " " || $0 == "\t" }
        return content.isEmpty || content.first == "#"
    }

    /// The whole lines `first...last`, break included, as a range that removes them cleanly even
    /// at the end of a file without a final break.
    func wholeLines(_ first: Int, _ last: Int) -> Range<Int> {
        if last < lineCount { return lineStarts[first - 1]..<lineStarts[last] }
        if scalars.last == "\n" || first == 1 { return lineStarts[first - 1]..<scalars.count }
        let start = lineEnd(first - 1)
        return start..<scalars.count
    }

    /// Text ready to be placed after line `line`: it starts with a line break, so it can go just
    /// before that line's own break and works on a last line without one.
    func insertionAfter(line: Int) -> Int { lineEnd(line) }

    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}

/// One replacement, in character offsets of a `SourceText`.
struct TextEdit {
    let range: Range<Int>
    let replacement: String

    static func insert(_ text: String, at offset: Int) -> TextEdit { TextEdit(range: offset..<offset, replacement: text) }
}

extension SourceText {
    /// Applies non-overlapping edits; insertions at the same offset keep their given order.
    /// Edits that overlap are a defect of the operation that made them: refused, never applied.
    func applying(_ edits: [TextEdit]) throws(EditRefusal) -> String {
        var result = String.UnicodeScalarView()
        var position = 0
        for edit in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }).map(\.element) {
            guard edit.range.lowerBound >= position, edit.range.upperBound <= scalars.count else {
                throw EditRefusal(.editLayout, "this edit would change overlapping parts of the file, a defect in sysinvc; nothing was changed: make the change by hand")
            }
            result.append(contentsOf: scalars[position..<edit.range.lowerBound])
            result.append(contentsOf: edit.replacement.unicodeScalars)
            position = edit.range.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
    }
}

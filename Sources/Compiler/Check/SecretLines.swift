import Foundation

/// Where a rendered tree holds secrets, found by comparing it with the same compile under shadow
/// secrets (`Pipeline.shadowTree`): a line that differs holds a secret, in the characters that
/// differ. Masks those characters in the tree's own lines, and in another tree's lines of the same
/// shape (a golden tree generated with other secrets), so that a diff shows no secret of either.
/// In secure files, the value of every key named like a secret (`SecretMask.looksSecret`) is
/// masked too, which covers secrets the inventory gives in clear (a service parameter).
public struct SecretLines: Sendable {
    private let secureFiles: Set<String>
    /// Per file: line index to the line with its secret replaced by `SecretMask.mask`.
    private var masked: [String: [Int: String]] = [:]
    /// Per file: the text around each secret, to recognise secret lines of another tree.
    private var shapes: [String: [(prefix: String, suffix: String)]] = [:]

    public init(_ tree: RenderedTree, shadow: RenderedTree) {
        secureFiles = Set(tree.files.filter(\.value.secure).keys)
        for (path, file) in tree.files {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let shadowLines = shadow.files[path]?.text.split(separator: "\n", omittingEmptySubsequences: false) ?? []
            for (index, line) in lines.enumerated() {
                let other = index < shadowLines.count && shadowLines.count == lines.count ? shadowLines[index] : nil
                guard other != line else { continue }
                let (prefix, suffix) = Self.surroundings(of: line, differingFrom: other)
                masked[path, default: [:]][index] = prefix + SecretMask.mask + suffix
                shapes[path, default: []].append((prefix, suffix))
            }
        }
    }

    /// Whether any line of the tree holds a secret.
    public var isEmpty: Bool { masked.isEmpty }

    /// Paths of the files that hold a secret.
    public var paths: [String] { masked.keys.sorted() }

    /// The tree's text of `path` with its secrets masked.
    public func mask(own text: String, path: String) -> String {
        let lines = masked[path] ?? [:]
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { lines[$0.offset] ?? maskNamedSecret($0.element, path: path) }.joined(separator: "\n")
    }

    /// Another tree's text of `path` (the golden one) with every line shaped like one of this
    /// tree's secret lines masked the same way.
    public func mask(other text: String, path: String) -> String {
        let shapes = shapes[path] ?? []
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for shape in shapes where line.count > shape.prefix.count + shape.suffix.count
                && line.hasPrefix(shape.prefix) && line.hasSuffix(shape.suffix) {
                let middle = line.dropFirst(shape.prefix.count).dropLast(shape.suffix.count)
                if middle.allSatisfy(Self.isSecretCharacter) { return shape.prefix + SecretMask.mask + shape.suffix }
            }
            return maskNamedSecret(line, path: path)
        }.joined(separator: "\n")
    }

    /// `key: value` in a secure file, with the value masked when the key names a secret.
    func maskNamedSecret(_ line: Substring, path: String) -> String {
        guard secureFiles.contains(path), let colon = line.range(of: ": ") else { return String(line) }
        let key = line[..<colon.lowerBound].drop { $0 == " " || $0 == "-" }.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let value = line[colon.upperBound...]
        guard !value.isEmpty, !["|", "|-", ">", "{}", "[]", "''", "\"\""].contains(value),
              SecretMask.looksSecret(String(key.split(separator: ":").last ?? "")) else { return String(line) }
        return line[..<colon.upperBound] + SecretMask.mask
    }

    /// The common start and end of two lines, cut back to the edges of the secret's word, so no
    /// character of a secret is shown because its shadow happened to share it.
    static func surroundings(of line: Substring, differingFrom other: Substring?) -> (String, String) {
        guard let other else { return (String(line.prefix { $0 == " " }), "") }
        var start = zip(line, other).prefix { $0 == $1 }.count
        var end = zip(line.reversed(), other.reversed()).prefix { $0 == $1 }.count
        end = min(end, line.count - start)
        let characters = Array(line)
        while start > 0 && isSecretCharacter(characters[start - 1]) { start -= 1 }
        while end > 0 && isSecretCharacter(characters[characters.count - end]) { end -= 1 }
        return (String(characters[..<start]), String(characters[(characters.count - end)...]))
    }

    /// Characters derived secrets are made of: hex, base64, the password suffix, token separators,
    /// and the backslash of a quoted multi-line key's `\n`.
    static func isSecretCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "+/=_.-*$\\".contains(character))
    }
}

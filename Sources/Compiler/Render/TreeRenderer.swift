import Foundation

/// The render stage's result: the bytes of every output file.
public struct RenderedTree: Sendable {
    public let files: [String: RenderedFile]

    public var paths: [String] { files.keys.sorted() }
}

public struct RenderedFile: Sendable, Equatable {
    /// The bytes written to disk; YAML is rendered straight into them, and text is read from them on demand.
    public let data: Data
    public let secure: Bool

    public var text: String { String(decoding: data, as: UTF8.self) }

    public init(data: Data, secure: Bool) {
        self.data = data
        self.secure = secure
    }
}

/// Turns values into bytes. All YAML policy lives in `YAMLRenderer`; this only picks the shape
/// per file.
public enum TreeRenderer {
    public static func render(_ tree: OutputTree) -> RenderedTree {
        let files = Array(tree.files.values)
        let shared = SharedLists()
        let rendered = Parallel.map(files) { file in
            var bytes: [UInt8] = []
            switch file.content {
            case let .yaml(value): YAMLRenderer.render(value, into: &bytes, shared: shared)
            case let .yamlDocuments(documents): YAMLRenderer.renderDocuments(documents, into: &bytes, shared: shared)
            case let .text(content): bytes.append(contentsOf: content.utf8)
            }
            return RenderedFile(data: Data(bytes), secure: file.secure)
        }
        return RenderedTree(files: Dictionary(uniqueKeysWithValues: zip(files.map(\.path), rendered)))
    }
}

import Foundation

/// The render stage's result: the bytes of every output file.
public struct RenderedTree: Sendable {
    public let files: [String: RenderedFile]

    public var paths: [String] { files.keys.sorted() }
}

public struct RenderedFile: Sendable, Equatable {
    public let text: String
    public let secure: Bool

    public var data: Data { Data(text.utf8) }
}

/// Turns values into bytes. All YAML policy lives in `YAMLRenderer`; this only picks the shape
/// per file.
public enum TreeRenderer {
    public static func render(_ tree: OutputTree) -> RenderedTree {
        var files: [String: RenderedFile] = [:]
        for (path, file) in tree.files {
            let text: String
            switch file.content {
            case let .yaml(value): text = YAMLRenderer.render(value)
            case let .yamlDocuments(documents): text = YAMLRenderer.renderDocuments(documents)
            case let .text(content): text = content
            }
            files[path] = RenderedFile(text: text, secure: file.secure)
        }
        return RenderedTree(files: files)
    }
}

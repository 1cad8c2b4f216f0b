/// Writes YAML as PyYAML's `yaml.dump(data, default_flow_style=False)` does, except that long lines are never
/// folded and a string is quoted whenever any common reader (PyYAML, Ruby Psych, Go yaml, YAML 1.2 core)
/// would read it plain as something else.
public enum YAMLRenderer {
    /// One document, ending in "\n". The top level is usually a map; any value is allowed.
    public static func render(_ value: YAMLValue) -> String {
        var bytes: [UInt8] = []
        render(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Several documents, each preceded by "---\n" (multi-document stream, like kubectl manifests).
    /// As PyYAML's `dump_all(explicit_start=True)`, a scalar or empty container shares its "--- " line.
    public static func renderDocuments(_ documents: [YAMLValue]) -> String {
        var bytes: [UInt8] = []
        renderDocuments(documents, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `render(value)`'s UTF-8 appended to `bytes`: what a file's contents are built with.
    public static func render(_ value: YAMLValue, into bytes: inout [UInt8]) {
        write(into: &bytes, shared: nil) { $0.document(value) }
    }

    /// `renderDocuments(documents)`'s UTF-8 appended to `bytes`.
    public static func renderDocuments(_ documents: [YAMLValue], into bytes: inout [UInt8]) {
        write(into: &bytes, shared: nil) { $0.documents(documents) }
    }

    /// `render(value, into:)`, taking long lists from `shared` (the files of one tree).
    static func render(_ value: YAMLValue, into bytes: inout [UInt8], shared: SharedLists) {
        write(into: &bytes, shared: shared) { $0.document(value) }
    }

    /// `renderDocuments(documents, into:)`, taking long lists from `shared`.
    static func renderDocuments(_ documents: [YAMLValue], into bytes: inout [UInt8], shared: SharedLists) {
        write(into: &bytes, shared: shared) { $0.documents(documents) }
    }

    /// True when `string` written plain would not be read back as that same string by a YAML 1.1 or 1.2 reader.
    /// Also true for anything but printable ASCII, which PyYAML escapes in double quotes.
    public static func needsQuotes(_ string: String) -> Bool {
        YAMLWriter.withUTF8(string, PlainScalar.needsQuotes)
    }

    /// Lends `bytes` to a writer without copying them.
    private static func write(into bytes: inout [UInt8], shared: SharedLists?, _ body: (inout YAMLWriter) -> Void) {
        var writer = YAMLWriter(bytes: [], shared: shared)
        swap(&writer.bytes, &bytes)
        body(&writer)
        swap(&writer.bytes, &bytes)
    }
}

/// A plugin wrote a hiera key or a file its description does not declare. The declaration is
/// what `sysinvc plugins` and the README promise and what ownership is decided by, so the
/// mismatch is a defect in sysinvc, never in the inventory.
public struct UndeclaredWrite: Error, CustomStringConvertible {
    public enum Output: Sendable, Equatable {
        case hieraKey(String, HieraFile)
        case file(String)
    }

    public let plugin: String
    public let output: Output

    public var description: String {
        let what: String
        switch output {
        case let .hieraKey(key, file): what = "hiera key \(key) in \(file) hiera"
        case let .file(path): what = "file \(path)"
        }
        return "internal error: plugin \(plugin) wrote \(what), which its description does not declare in `writes`; this is a defect in sysinvc's declaration of \(plugin)"
    }
}

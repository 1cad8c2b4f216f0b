/// Bounds on the YAML sysinvc reads. Yams builds and frees its node tree recursively, so a
/// document nested a few thousand levels deep (10 KB of `[`) overflows the stack; aliases can
/// expand a small file into billions of nodes. `YAMLPreflight` enforces these bounds on libyaml's
/// events before Yams composes anything.
public enum YAMLLimits {
    /// Nested mappings and lists, aliases expanded. Inventories use about 8, helm values and
    /// armada manifests rarely 20.
    public static let depth = 64
    /// Nodes of the document with every alias expanded (a billion-laughs document stops here).
    public static let nodes = 1_000_000
    /// Bytes of one file: an inventory, an include, a values file, a file of an application.
    public static let fileBytes = 16 << 20
}

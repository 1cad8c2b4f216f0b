/// The answer to `sysinvc explain KEY`: where a hiera value came from.
public struct Explanation: Sendable {
    public let key: String
    public let file: HieraFile
    public let path: String
    public let value: YAMLValue
    public let provenance: KeyProvenance

    /// Finds `key` in the host's file when a host is named, else in the static, secure static,
    /// system and secure system files, in hiera's lookup order.
    public static func find(_ key: String, host: String?, in tree: OutputTree, inventory: ValidatedInventory,
                            options: CompileOptions) -> [Explanation] {
        let files: [HieraFile] = host.map { [.host($0)] } ?? [.secureSystem, .system, .secureStatic, .staticConfig]
        return files.compactMap { file in
            guard let document = tree.hiera[file], let value = document[key], let provenance = document.provenance(of: key) else { return nil }
            return Explanation(key: key, file: file, path: Generator.hieraPath(file, inventory: inventory, options: options),
                               value: value, provenance: provenance)
        }
    }

    /// Keys in any hiera file that start with `prefix`, for "did you mean" answers.
    public static func keys(matching prefix: String, in tree: OutputTree) -> [String] {
        Set(tree.hiera.values.flatMap(\.keys)).filter { $0.hasPrefix(prefix) }.sorted()
    }
}

extension YAMLValue {
    /// The value under `key` when this is a map: `config["enp0s3"]?["method"]`.
    public subscript(key: String) -> YAMLValue? {
        if case let .map(entries) = self { return entries[key] }
        return nil
    }
}

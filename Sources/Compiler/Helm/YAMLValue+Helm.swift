extension YAMLValue {
    /// The value's kind with an article, for error messages ("is a string, not a map").
    var helmKindName: String {
        switch self {
        case .string: return "a string"
        case .int: return "an int"
        case .float: return "a float"
        case .bool: return "a bool"
        case .null: return "null"
        case .list: return "a list"
        case .map: return "a map"
        }
    }
}

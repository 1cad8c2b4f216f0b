import Yams

/// Numbers of plain scalars, read without the base-60 (sexagesimal) forms of YAML 1.1.
///
/// Yams' constructors trap on a base-60 integer that overflows (`1:0:0:0:0:0:0:0:0:0:0`), so no
/// scalar with a colon reaches them. Such a scalar stays text, as YAML 1.2 and helm's go-yaml read
/// it; a MAC address (`52:54:00:12:34:56`) or a time (`12:30`) keeps its meaning that way.
enum PlainNumber {
    static func int(_ scalar: Node.Scalar) -> Int? {
        scalar.string.contains(":") ? nil : Int.construct(from: scalar)
    }

    static func float(_ scalar: Node.Scalar) -> Double? {
        scalar.string.contains(":") ? nil : Double.construct(from: scalar)
    }
}

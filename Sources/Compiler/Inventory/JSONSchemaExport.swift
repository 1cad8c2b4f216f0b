import Foundation

/// Prints `InventorySchema` as JSON Schema (draft 2020-12) so editors can validate and complete
/// inventories; the loader checks the same schema, so the two cannot drift apart.
extension InventorySchema {
    public static func jsonSchema() -> String {
        var document = object(for: root)
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = "https://sysinvc.invalid/inventory.schema.json"
        document["title"] = "sysinvc inventory"
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func object(for type: SchemaType) -> [String: Any] {
        switch type {
        case let .string(format, allowed):
            var result: [String: Any] = ["type": "string"]
            if let allowed { result["enum"] = allowed }
            switch format {
            case .ipAddress?: result["anyOf"] = [["format": "ipv4"], ["format": "ipv6"]]
            case .mac?: result["pattern"] = "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$"
            case .cidr?: result["pattern"] = "^[0-9A-Fa-f:.]+/[0-9]{1,3}$"
            case .path?: result["minLength"] = 1
            case .server?:
                result["anyOf"] = [["format": "ipv4"], ["format": "ipv6"], ["pattern": FieldGrammar.dnsName.pattern, "maxLength": FieldGrammar.dnsName.maxLength]]
            case let format?:
                if let grammar = format.grammar {
                    result["pattern"] = grammar.pattern
                    result["maxLength"] = grammar.maxLength
                }
            case nil: break
            }
            return result
        case let .integer(minimum, maximum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case let .number(above, maximum):
            var result: [String: Any] = ["type": "number"]
            if let above { result["exclusiveMinimum"] = above }
            if let maximum { result["maximum"] = maximum }
            return result
        case .boolean:
            return ["type": "boolean"]
        case let .list(element):
            return ["type": "array", "items": object(for: element)]
        case let .dictionary(value):
            return ["type": "object", "additionalProperties": object(for: value)]
        case let .object(fields):
            var properties: [String: Any] = [:]
            for field in fields {
                var property = object(for: field.type)
                property["description"] = field.summary
                properties[field.name] = property
            }
            var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
            let required = fields.filter(\.required).map(\.name)
            if !required.isEmpty { result["required"] = required }
            return result
        }
    }
}

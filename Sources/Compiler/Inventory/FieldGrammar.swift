import Foundation

/// The grammar of a value that reaches a shell script, a file name, a path or a hiera key.
/// Checked where the value is read (the inventory's schema, an uploaded tarball), so that no
/// emitter has to wonder what a name may hold. Each grammar is one regular expression, which
/// `sysinvc schema` prints too, plus a length cap.
public struct FieldGrammar: Sendable {
    /// What the value is, for messages ("region name").
    public let what: String
    /// An anchored regular expression in the syntax JSON Schema and Swift share.
    public let pattern: String
    public let maxLength: Int
    /// How to write a valid value, said in the message.
    public let rule: String
    /// `pattern` compiled for byte-by-byte matching; nil for an expression outside the subset
    /// `GrammarPattern` reads, which Swift's `Regex` then matches.
    private let matcher: GrammarPattern?

    public init(what: String, pattern: String, maxLength: Int, rule: String) {
        self.what = what
        self.pattern = pattern
        self.maxLength = maxLength
        self.rule = rule
        matcher = GrammarPattern(pattern)
    }

    /// Why the value does not fit, or nil when it does.
    public func problem(_ value: String) -> String? {
        guard !value.isEmpty, value.unicodeScalars.count <= maxLength, matches(value) else {
            return "\(Self.quoted(value)) is not a valid \(what): \(rule)"
        }
        return nil
    }

    func matches(_ value: String) -> Bool {
        if let matcher { return matcher.matches(value) }
        guard let regex = CompiledPatterns.shared.regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: value)) != nil
    }

    /// The value in double quotes with control characters spelled out, so a message about a
    /// name holding a newline stays on one line.
    public static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}

extension FieldGrammar {
    private static let word = "letters, digits, '.', '_' and '-', starting with a letter or digit"

    /// Keystone region ids. Keystone stores up to 255 characters and sysinv documents no
    /// grammar; the names StarlingX uses (RegionOne, SystemController, subclouds) are words, so
    /// this keeps to letters, digits, '.', '_' and '-': nothing a shell or puppet reads specially.
    public static let region = FieldGrammar(
        what: "region name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 255,
        rule: "use 1 to 255 \(word), e.g. RegionOne")

    /// A platform release as sysinv numbers them: "19.01", "22.12", optionally a third part.
    public static let softwareVersion = FieldGrammar(
        what: "software version", pattern: "^[0-9]{1,4}(\\.[0-9]{1,4}){1,2}$", maxLength: 14,
        rule: "write the release as numbers separated by dots, e.g. \"19.01\" (quoted)")

    /// The system's name: a word, as the names sysinv shows in its tables.
    public static let systemName = FieldGrammar(
        what: "system name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 255,
        rule: "use 1 to 255 \(word); put prose in system.description")

    /// An RFC 1123 label, the grammar Kubernetes gives namespaces (DNS-1123 label) and the one
    /// host and application names follow because each names a file or a directory.
    public static func dnsLabel(_ what: String) -> FieldGrammar {
        FieldGrammar(what: what, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63,
                     rule: "use 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit")
    }

    /// A DNS name (RFC 1123 subdomain, any case: resolvers ignore it), for servers given by name.
    public static let dnsName = FieldGrammar(
        what: "server name", pattern: "^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$",
        maxLength: 253, rule: "give an IP address or a DNS name (labels of letters, digits and '-' joined by '.')")

    /// Linux interface names: at most 15 characters (IFNAMSIZ less the NUL). The kernel refuses
    /// only '/', ':' and whitespace; this also keeps out everything a shell reads specially.
    /// A board management controller's user (sysinv: at most 16 characters, no whitespace). It
    /// reaches the maintenance record and the virtual BMC's configuration.
    public static let bmcUsername = FieldGrammar(
        what: "BMC user name", pattern: "^[A-Za-z0-9._@+-]+$", maxLength: 16,
        rule: "use 1 to 16 letters, digits and . _ @ + -")

    /// The Redfish system a BMC manages (Ironic's `redfish_system_id`), a path on the BMC.
    public static let redfishSystemID = FieldGrammar(
        what: "Redfish system id", pattern: "^/redfish/v1/Systems/[A-Za-z0-9._-]+$", maxLength: 255,
        rule: "write /redfish/v1/Systems/<id>, the id of letters, digits and . _ -")

    /// The host cloud's Keystone endpoint: http or https, a host name or address, an optional
    /// port and a path of URL-safe characters (it reaches clouds.yaml and a README command line).
    public static let cloudURL = FieldGrammar(
        what: "cloud URL", pattern: "^https?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~/-]*)?$", maxLength: 2048,
        rule: "write http(s)://host[:port][/path] with letters, digits and . _ ~ / - in the path, e.g. https://cloud.example.com:5000/v3")

    /// A name of the host cloud's resources (flavor, image, network, keypair) as sysinvc writes it
    /// into OVB's environment and the README's commands: a word.
    public static let openstackName = FieldGrammar(
        what: "OpenStack resource name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 255,
        rule: "use 1 to 255 \(word), e.g. m1.small")

    /// A Keystone user, project or domain name, limited to what needs no quoting anywhere.
    public static let keystoneName = FieldGrammar(
        what: "Keystone name", pattern: "^[A-Za-z0-9][A-Za-z0-9._@-]*$", maxLength: 255,
        rule: "use 1 to 255 letters, digits and . _ @ -, starting with a letter or digit")

    /// OVB's instance and port prefixes: instances are `<prefix>_<index>` and nodes
    /// `<prefix>-<index>`, so a prefix has no '_' (OVB forbids it in role names), and it starts
    /// with a letter so that the node names are host names.
    public static let instancePrefix = FieldGrammar(
        what: "instance prefix", pattern: "^[a-z]([-a-z0-9]*[a-z0-9])?$", maxLength: 32,
        rule: "use 1 to 32 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit")

    public static let interfaceName = FieldGrammar(
        what: "interface name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 15,
        rule: "use 1 to 15 \(word), as Linux names interfaces (enp0s3, bond0, vlan11)")

    /// Data network (neutron physical network) names. neutron joins them with ':' and ',' in
    /// its mappings, and the SR-IOV device plugin makes Kubernetes resource names of them, which
    /// hold at most 63 characters.
    public static let dataNetworkName = FieldGrammar(
        what: "data network name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 63,
        rule: "use 1 to 63 \(word), e.g. physnet0")

    /// Service parameter service, section and name: the words sysinv's service parameter
    /// tables use (docker, proxy, http_proxy), which sysinvc joins into hiera keys.
    public static func parameterWord(_ what: String) -> FieldGrammar {
        FieldGrammar(what: what, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 255, rule: "use 1 to 255 \(word)")
    }

    /// A hiera key as puppet names class parameters: lowercase words joined by '::'.
    public static let hieraKey = FieldGrammar(
        what: "hiera key", pattern: "^[a-z][a-z0-9_]*(::[a-z0-9_]+)*$", maxLength: 255,
        rule: "use lowercase words of letters, digits and '_' joined by '::', e.g. platform::docker::params::http_proxy")

    /// A Ceph storage tier: a word, as sysinv names tiers (storage, gold).
    public static let tierName = FieldGrammar(
        what: "storage tier name", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 63,
        rule: "use 1 to 63 \(word)")

    /// A UUID in its canonical lowercase form (Ceph's fsid).
    public static let uuid = FieldGrammar(
        what: "UUID", pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", maxLength: 36,
        rule: "write 8-4-4-4-12 lowercase hex digits, e.g. 2c5a1d6e-8f3b-4a7c-9e21-5b0d4c3a2f19")

    /// A device under /dev (`/dev/sdb`, `/dev/disk/by-path/pci-0000:00:0d.0-ata-2.0`): it becomes
    /// a partition path in hiera, so every component starts with a letter or digit (no `..`).
    public static let devicePath = FieldGrammar(
        what: "device path", pattern: "^/dev(/[A-Za-z0-9][A-Za-z0-9._:+@-]*)+$", maxLength: 255,
        rule: "write an absolute path under /dev whose components are letters, digits and . _ : + @ -, each starting with a letter or digit")

    /// An application's version as its metadata.yaml gives it (1.0-5, 19.01-1.0.0+abc): it names
    /// the stored tarball and appears in armada-apply.sh.
    public static let applicationVersion = FieldGrammar(
        what: "application version", pattern: "^[A-Za-z0-9][A-Za-z0-9._+-]*$", maxLength: 64,
        rule: "use 1 to 64 letters, digits, '.', '_', '+' and '-', starting with a letter or digit")

    /// Helm chart names: lowercase letters, digits and '-' (helm's own convention), as the chart
    /// names an override file in OUT.
    public static let chartName = FieldGrammar(
        what: "chart name", pattern: "^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$", maxLength: 63,
        rule: "use 1 to 63 lowercase letters, digits, '-', '.' and '_', starting and ending with a letter or digit")

    /// A name of the tz database (UTC, America/New_York). puppet links
    /// /usr/share/zoneinfo/<name> to /etc/localtime, so the name is a path and must be one the
    /// database holds. Foundation's time zones know the database without /usr/share/zoneinfo;
    /// they also accept offsets (GMT+5) and Java's three-letter ids, which the database lacks.
    public static let timezone = FieldGrammar(
        what: "time zone", pattern: "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9][A-Za-z0-9_+-]*)*$", maxLength: 64,
        rule: "use a name of the tz database, e.g. UTC or America/New_York")

    static let timezonesOnlyFoundationKnows: Set<String> = [
        "ACT", "AET", "AGT", "ART", "AST", "BET", "BST", "CAT", "CNT", "CST", "CTT", "EAT", "ECT", "IET", "IST", "JST",
        "MIT", "NET", "NST", "PLT", "PNT", "PRT", "PST", "SST", "VST",
    ]

    /// Why `name` is not a tz database name, or nil.
    public static func timezoneProblem(_ name: String) -> String? {
        if let problem = timezone.problem(name) { return problem }
        let isOffset = name.hasPrefix("GMT+") || name.hasPrefix("GMT-") || name.hasPrefix("UTC+") || name.hasPrefix("UTC-")
        guard !isOffset, !timezonesOnlyFoundationKnows.contains(name), TimeZone(identifier: name) != nil else {
            return "\(quoted(name)) is not a time zone of the tz database: use a name such as UTC, Etc/GMT+5 or America/New_York"
        }
        return nil
    }

    /// Why `server` is neither an IP address nor a DNS name, or nil.
    public static func serverProblem(_ server: String) -> String? {
        IPAddress(server) == nil ? dnsName.problem(server) : nil
    }
}

/// Each grammar's expression compiled once per process and shared: an inventory of thousands of
/// hosts checks tens of thousands of values. Matching a compiled `Regex` only reads it.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    private let lock = NSLock()
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[pattern] { return regex }
        // Unicode-scalar semantics: a combining mark never hides inside an allowed letter.
        guard let regex = try? Regex(pattern).matchingSemantics(.unicodeScalar) else { return nil }
        compiled[pattern] = regex
        return regex
    }
}

import Compiler

/// The kubeadm configuration API a Kubernetes release reads. v1beta3 serves 1.22–1.30; v1beta4
/// is enabled from 1.31 and is the only one accepted from 1.36, so 1.31 and later get v1beta4.
/// Older releases only read APIs that are removed (v1beta2 in 1.27, v1beta1 in 1.22).
public enum KubeadmAPIVersion: String, Sendable {
    case v1beta3 = "kubeadm.k8s.io/v1beta3"
    case v1beta4 = "kubeadm.k8s.io/v1beta4"

    static let oldestMinor = 22
    static let v1beta4Minor = 31

    /// The API for `version` ("1.29.2" or "v1.29.2"), or why there is none.
    public static func forKubernetes(_ version: String) -> Result<KubeadmAPIVersion, UnsupportedKubernetesVersion> {
        guard let release = KubernetesRelease(version) else {
            return .failure(UnsupportedKubernetesVersion(version: version,
                reason: "is not a Kubernetes release; write it as major.minor.patch, e.g. 1.29.2"))
        }
        guard release.major == 1, release.minor >= oldestMinor else {
            return .failure(UnsupportedKubernetesVersion(version: version,
                reason: "is too old: sysinvc writes kubeadm v1beta3 (Kubernetes 1.22–1.30) or v1beta4 (1.31 and later); use 1.22 or later"))
        }
        return .success(release.minor >= v1beta4Minor ? .v1beta4 : .v1beta3)
    }

    /// The problem to report for an inventory whose Kubernetes version no kubeadm API serves.
    public static func check(_ inventory: Inventory) -> [Diagnostic] {
        let system = inventory.system
        guard system.kubernetesEnabled.value else { return [] }
        guard case let .failure(problem) = forKubernetes(system.kubernetesVersion.value) else { return [] }
        return [Diagnostic(.valueNotAllowed, problem.description, at: system.kubernetesVersion.location)]
    }

    /// v1beta3 takes extra arguments as a map; v1beta4 as a list of name/value pairs, in order.
    func extraArgs(_ arguments: [(name: String, value: String)]) -> YAMLValue {
        switch self {
        case .v1beta3:
            return .map(Dictionary(arguments.map { ($0.name, YAMLValue.string($0.value)) }, uniquingKeysWith: { $1 }))
        case .v1beta4:
            return .list(arguments.map { ["name": .string($0.name), "value": .string($0.value)] })
        }
    }
}

public struct UnsupportedKubernetesVersion: Error, Equatable, Sendable, CustomStringConvertible {
    public let version: String
    public let reason: String

    public var description: String { "kubernetes.version \(version) \(reason)" }
}

/// A Kubernetes release number as kubeadm spells it in `kubernetesVersion`.
struct KubernetesRelease: Equatable {
    let major: Int
    let minor: Int
    let patch: Int

    init?(_ text: String) {
        let digits = text.hasPrefix("v") ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        major = parts[0]!
        minor = parts[1]!
        patch = parts.count == 3 ? parts[2]! : 0
    }

    var kubeadmSpelling: String { "v\(major).\(minor).\(patch)" }
}

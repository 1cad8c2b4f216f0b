import Compiler
import Plugins
import XCTest

/// The Calico manifest and the k8s-keystone-auth files.
final class KubernetesCalicoTests: XCTestCase {
    func calicoNodeEnvironment(_ documents: [[String: Any]]) throws -> [String: String] {
        let daemonSet = try XCTUnwrap(documents.first { $0["kind"] as? String == "DaemonSet" })
        let container = try XCTUnwrap((daemonSet.at("spec.template.spec.containers") as? [[String: Any]])?.first)
        let env = try XCTUnwrap(container["env"] as? [[String: Any]])
        return Dictionary(env.compactMap { item in (item["value"] as? String).map { (item["name"] as! String, $0) } }, uniquingKeysWith: { $1 })
    }

    func configMapData(_ documents: [[String: Any]]) throws -> [String: Any] {
        try XCTUnwrap(documents.first { $0.at("metadata.name") as? String == "calico-config" }?["data"] as? [String: Any])
    }

    func testEveryObjectIsNamed() throws {
        let documents = try KubernetesFixture.documents(KubernetesFixture.compile(KubernetesFixture.standard()), "kubernetes/calico.yaml")
        for document in documents {
            XCTAssertNotNil(document["apiVersion"] as? String, "\(document)")
            XCTAssertNotNil(document["kind"] as? String, "\(document)")
            XCTAssertNotNil(document.at("metadata.name") as? String, "\(document)")
        }
        let kinds = Set(documents.compactMap { $0["kind"] as? String })
        XCTAssertTrue(kinds.isSuperset(of: ["ConfigMap", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding",
                                            "ServiceAccount", "DaemonSet", "Deployment", "PodDisruptionBudget"]))
        let crds = documents.filter { $0["kind"] as? String == "CustomResourceDefinition" }.compactMap { $0.at("metadata.name") as? String }
        XCTAssertTrue(crds.contains("ippools.crd.projectcalico.org"))
        XCTAssertTrue(crds.contains("felixconfigurations.crd.projectcalico.org"))
    }

    func testIPv4PoolUsesIPinIPAndTheSmallestClusterHostMTU() throws {
        let documents = try KubernetesFixture.documents(KubernetesFixture.compile(KubernetesFixture.standard()), "kubernetes/calico.yaml")
        let data = try configMapData(documents)
        XCTAssertEqual(data["veth_mtu"] as? String, "1480", "worker-1's 1500 minus 20 for IP-in-IP")
        XCTAssertEqual(data["calico_backend"] as? String, "bird")
        XCTAssertTrue((data["cni_network_config"] as? String)?.contains("\"assign_ipv4\": \"true\"") ?? false)
        let env = try calicoNodeEnvironment(documents)
        XCTAssertEqual(env["CALICO_IPV4POOL_CIDR"], "172.16.0.0/16")
        XCTAssertEqual(env["CALICO_IPV4POOL_IPIP"], "Always")
        XCTAssertEqual(env["IP_AUTODETECTION_METHOD"], "can-reach=192.168.206.2")
        XCTAssertEqual(env["FELIX_IPV6SUPPORT"], "false")
        let daemonSet = try XCTUnwrap(documents.first { $0["kind"] as? String == "DaemonSet" })
        let image = (daemonSet.at("spec.template.spec.containers") as? [[String: Any]])?.first?["image"] as? String
        XCTAssertEqual(image, "quay.io/calico/node:v3.32.1")
    }

    func testIPv6PoolUsesVXLAN() throws {
        let documents = try KubernetesFixture.documents(KubernetesFixture.compile(KubernetesFixture.ipv6), "kubernetes/calico.yaml")
        let data = try configMapData(documents)
        XCTAssertEqual(data["veth_mtu"] as? String, "1430", "1500 minus 70 for VXLAN over IPv6")
        XCTAssertEqual(data["calico_backend"] as? String, "vxlan")
        XCTAssertTrue((data["cni_network_config"] as? String)?.contains("\"assign_ipv6\": \"true\"") ?? false)
        let env = try calicoNodeEnvironment(documents)
        XCTAssertEqual(env["CALICO_IPV6POOL_CIDR"], "fd03::/64")
        XCTAssertEqual(env["CALICO_IPV6POOL_VXLAN"], "Always")
        XCTAssertEqual(env["IP6_AUTODETECTION_METHOD"], "can-reach=fd02::2")
        XCTAssertEqual(env["IP"], "none")
        XCTAssertEqual(env["FELIX_IPV6SUPPORT"], "true")
        XCTAssertNil(env["CALICO_IPV4POOL_CIDR"])
    }

    func testKeystoneAuthPointsAtThePlatformKeystone() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        let policy = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/keystone-auth/policy.yaml").first)
        XCTAssertEqual(policy.at("metadata.name") as? String, "k8s-auth-policy")
        let rules = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(policy.at("data.policies") as? String).utf8)) as? [[String: Any]]
        XCTAssertEqual(rules?.count, 2)

        let pod = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/keystone-auth/k8s-keystone-auth.yaml").first)
        let container = try XCTUnwrap((pod.at("spec.containers") as? [[String: Any]])?.first)
        let args = try XCTUnwrap(container["args"] as? [String])
        XCTAssertTrue(args.contains("--keystone-url=http://192.168.204.2:5000/v3"))
        XCTAssertTrue(args.contains("--policy-configmap-name=k8s-auth-policy"))
        XCTAssertEqual(container["image"] as? String, "registry.k8s.io/provider-os/k8s-keystone-auth:v1.29.0")

        let cluster = try XCTUnwrap(KubernetesFixture.documents(tree, "kubernetes/kubeadm-init.yaml").first { $0["kind"] as? String == "ClusterConfiguration" })
        let apiServerArgs = try XCTUnwrap(cluster.at("apiServer.extraArgs") as? [String: Any])
        XCTAssertEqual(apiServerArgs["authorization-mode"] as? String, "Node,RBAC,Webhook")
        let webhookConfig = try XCTUnwrap(apiServerArgs["authentication-token-webhook-config-file"] as? String)
        XCTAssertEqual(apiServerArgs["authorization-webhook-config-file"] as? String, webhookConfig)
        XCTAssertTrue(webhookConfig.hasSuffix("/webhook.kubeconfig"))
        XCTAssertNotNil(tree.files["kubernetes/keystone-auth/webhook.kubeconfig"])
        let mounts = try XCTUnwrap(cluster.at("apiServer.extraVolumes") as? [[String: Any]])
        XCTAssertTrue(mounts.contains { webhookConfig.hasPrefix(($0["mountPath"] as? String ?? "-") + "/") })
    }
}

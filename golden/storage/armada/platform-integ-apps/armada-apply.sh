#!/bin/sh
# platform-integ-apps 1.0-1, applied by armada in a container started with
#   -v "$PWD/armada/platform-integ-apps:/manifests" -v "$PWD/armada/platform-integ-apps/overrides:/overrides"
exec armada apply --debug /manifests/platform-integ-apps-platform-integration-manifest.yaml \
    --values /overrides/kube-system-rbd-provisioner.yaml \
    --values /overrides/kube-system-ceph-pools-audit.yaml \
    --values /overrides/helm-toolkit-helm-toolkit.yaml \
    --tiller-host tiller-deploy.kube-system.svc.cluster.local

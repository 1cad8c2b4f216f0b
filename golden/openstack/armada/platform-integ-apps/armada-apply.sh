#!/bin/sh
# Run by armada in a container started in this directory with
#   -v "$PWD:/manifests" -v "$PWD/overrides:/overrides"
exec armada apply --debug /manifests/platform-integ-apps-platform-integration-manifest.yaml \
    --values /overrides/kube-system-rbd-provisioner.yaml \
    --values /overrides/kube-system-ceph-pools-audit.yaml \
    --values /overrides/helm-toolkit-helm-toolkit.yaml \
    --tiller-host tiller-deploy.kube-system.svc.cluster.local

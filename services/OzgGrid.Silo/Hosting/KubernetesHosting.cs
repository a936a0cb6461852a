using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// A silo in a Kubernetes pod (deploy/kubernetes): Microsoft.Orleans.Hosting.Kubernetes names the silo after the pod,
/// advertises the pod's IP, listens on every address, and watches the silo pods (a pod that is gone is a dead silo at
/// once; the pod of a silo declared dead is deleted). Switched on by the environment variable POD_NAMESPACE, which the
/// package reads with POD_NAME and POD_IP (the manifests set them from the downward API), so that local runs and the
/// tests stay as they are.
/// </summary>
public static class KubernetesHosting
{
    public static bool IsRequested() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable));

    public static void Use(ISiloBuilder silo, ClusterOptions cluster)
    {
        silo.UseKubernetesHosting();

        // The ports stay OzgGrid's settings; the address is the pod's (the package fills it in after this).
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = cluster.SiloPort;
            endpoints.GatewayPort = cluster.GatewayPort;
        });
    }
}

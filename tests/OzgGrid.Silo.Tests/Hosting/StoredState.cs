using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// Rewrites a grain's stored state behind its back, as a lost message or a faulty write would leave it. The grain is
/// deactivated before and after, so that its next activation reads what was written here.
/// </summary>
public static class StoredState
{
    public static async Task RewriteAsync<T>(TestHost host, string storageName, string stateName, IAddressable grain, Func<T, T> change)
    {
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(storageName);
        await DeactivateAsync(grain);

        // The activation may still store its state while it deactivates: a write that meets a newer ETag reads again.
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                var stored = new GrainState<T>();
                await storage.ReadStateAsync(stateName, grain.GetGrainId(), stored);
                stored.State = change(stored.State ?? throw new InvalidOperationException($"Nothing stored under '{stateName}' yet."));
                await storage.WriteStateAsync(stateName, grain.GetGrainId(), stored);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }, written => written, $"state '{stateName}' rewritten");
        await DeactivateAsync(grain);
    }

    private static async Task DeactivateAsync(IAddressable grain) => await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
}

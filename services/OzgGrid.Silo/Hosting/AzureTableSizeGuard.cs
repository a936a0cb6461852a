using Azure;
using Azure.Data.Tables.Models;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// Azure Table storage of grain state: a state that Azure refuses as larger than an entity may be (1 MB) is refused as a
/// write beyond a limit, not as an outage. It is the write's size, so retrying never helps, and as a storage fault it
/// would count towards the gateway's circuit breaker, which a caller could then open for everyone with a few writes.
/// The write changes nothing (the record forgets a write it could not persist).
/// </summary>
internal sealed class AzureTableSizeGuard(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Puts the guard around the storage registered as <paramref name="name"/> (Orleans resolves the last registration of a name).</summary>
    public static void Around(IServiceCollection services, string name)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"The grain storage {name} is not registered by a factory; it cannot be guarded.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new AzureTableSizeGuard((IGrainStorage)create(provider, key)));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        catch (Exception refused) when (IsEntityTooLarge(refused))
        {
            throw new CollectionLimitException(
                $"The change would make the {stateName} record '{grainId.Key}' larger than Azure Table storage holds in one record (1 MB); " +
                "nothing was changed. Write less per call (fewer items, shorter texts): the record takes every write that keeps it within that size.");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>The table storage creates its table when the silo starts: that stays its own.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static bool IsEntityTooLarge(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.ErrorCode == TableErrorCode.EntityTooLarge.ToString(),
        AggregateException retried => retried.InnerExceptions.Any(IsEntityTooLarge),
        _ => false,
    };
}

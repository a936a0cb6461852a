using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Records;

/// <summary>
/// Storage used directly (history pages, the check of a stored state) that fails as Orleans' state bridge does for a
/// grain's own state: a fault of the storage service (the Azure SDK's <c>RequestFailedException</c>, or its
/// <c>AggregateException</c> after retries) becomes an <see cref="OrleansException"/>, which the gateway answers with
/// UNAVAILABLE. Without it such a fault reached the caller as INTERNAL. Orleans' own exceptions (an ETag conflict
/// among them) pass unchanged, and so does a state the storage refuses as too large (<see cref="CollectionLimitException"/>,
/// the host's doing): that is the write's fault, not an outage.
/// </summary>
internal sealed class OrleansFaultStorage(IGrainStorage inner, string name) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ReadStateAsync(stateName, grainId, grainState), "reading", stateName, grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState), "writing", stateName, grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState), "clearing", stateName, grainId);

    private async Task Translate(Func<Task> operation, string what, string stateName, GrainId grainId)
    {
        try
        {
            await operation();
        }
        catch (Exception fault) when (fault is not OrleansException and not CollectionLimitException)
        {
            throw new OrleansException($"Storage {name} failed {what} {stateName} of {grainId}: {fault.Message}", fault);
        }
    }
}

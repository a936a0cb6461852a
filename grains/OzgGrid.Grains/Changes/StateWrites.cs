namespace OzgGrid.Grains.Changes;

/// <summary>How grains persist a new state: acknowledged only once written, and forgotten when the write fails.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes <paramref name="next"/>. When the write fails nothing was acknowledged: the previous state is restored and
    /// the grain deactivates, so that the next call reads storage (and its ETag) afresh.
    /// </summary>
    public static async Task WriteOrRollBackAsync<T>(this IPersistentState<T> state, T next, IGrainBase grain)
    {
        var before = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception)
        {
            state.State = before;
            grain.DeactivateOnIdle();
            throw;
        }
    }
}

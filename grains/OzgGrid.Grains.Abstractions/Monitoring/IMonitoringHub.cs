namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>The per-silo hub that receives every published change and serves that silo's monitoring streams.</summary>
public interface IMonitoringHub : IGrainObserver
{
    Task OnChangesAsync(ChangeBatch batch);
}

using Microsoft.Extensions.DependencyInjection;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// How a <see cref="BenchmarkHost"/> is started. <paramref name="AzuriteConnectionString"/>: the Azure Storage account
/// for <see cref="StorageKind.Azurite"/> (null: <see cref="BenchmarkHost.AzuriteConnectionStringVariable"/>);
/// <paramref name="StorageName"/>: the table, container, ServiceId and ClusterId (null: fresh names);
/// <paramref name="ExtraArguments"/>: more configuration, after the benchmark's own (so it wins);
/// <paramref name="ConfigureServices"/>: runs after the host's own registrations (e.g. an extra interceptor).
/// </summary>
public sealed record BenchmarkHostSettings(
    StorageKind Storage,
    string? AzuriteConnectionString = null,
    string? StorageName = null,
    IReadOnlyList<string>? ExtraArguments = null,
    Action<IServiceCollection>? ConfigureServices = null);

using System.CommandLine;
using OzgGrid.Benchmarks.CatalogImport;
using OzgGrid.Benchmarks.ColdStart;
using OzgGrid.Benchmarks.Ingest;
using OzgGrid.Benchmarks.P3;
using OzgGrid.Benchmarks.P4;
using OzgGrid.Benchmarks.Nutzung;
using OzgGrid.Benchmarks.P7;
using OzgGrid.Benchmarks.Soak;
using OzgGrid.Benchmarks.Throughput;

// Each scenario hosts the real silo and gRPC gateway in this process (P6: as a process of its own) and drives it over real gRPC.
var root = new RootCommand("OzgGrid benchmarks (see BENCHMARKS.md)")
{
    ThroughputCommand.Create(ThroughputScenario.P1),
    ThroughputCommand.Create(ThroughputScenario.P2),
    ThroughputCommand.Create(ThroughputScenario.P2Postgres),
    P3Command.Create(),
    CatalogImportCommand.Create(),
    ColdStartCommand.Create(),
    P4Command.Create(),
    P7Command.Create(),
    NutzungImportCommand.Create(),
    SoakCommand.Create(),
    IngestCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

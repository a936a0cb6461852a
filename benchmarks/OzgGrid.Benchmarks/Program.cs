using System.CommandLine;
using OzgGrid.Benchmarks.P3;
using OzgGrid.Benchmarks.P4;

// Each scenario hosts the real silo and gRPC gateway in this process and drives it over real gRPC.
var root = new RootCommand("OzgGrid benchmarks (see BENCHMARKS.md)")
{
    P3Command.Create(),
    P4Command.Create(),
};
return await root.Parse(args).InvokeAsync();

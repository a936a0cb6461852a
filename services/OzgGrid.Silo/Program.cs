using OzgGrid.Silo;

await OzgGridHost.Build(args).RunAsync();

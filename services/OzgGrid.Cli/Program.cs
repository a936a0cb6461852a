using OzgGrid.Cli;

return await OzgCtl.RunAsync(args, CliConsole.FromProcess());

using OzgGrid.Silo;
using OzgGrid.Silo.Postgres;
using OzgGrid.Silo.Tls;
using OzgGrid.Silo.Tokens;

if (args.Length > 0 && args[0] == IssueTokenCommand.Name)
{
    return IssueTokenCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == SelfSignedCertificateCommand.Name)
{
    return SelfSignedCertificateCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == DbInitCommand.Name)
{
    return await DbInitCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

return await OzgGridHost.RunAsync(args, Console.Error);

using System.CommandLine;
using Grpc.Core;
using OzgGrid.Cli.Connection;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// Gives a command its action: a <see cref="CliContext"/> from the global options, and every failure turned into one
/// line on stderr and its exit code (<see cref="ExitCodes"/>), never a stack trace.
/// </summary>
public static class CommandBinding
{
    public static Command WithAction(this Command command, CliConsole console, Func<CliContext, ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parsed, cancellationToken) =>
        {
            CliContext? context = null;
            try
            {
                context = GlobalOptions.CreateContext(parsed, console);
                return await run(context, parsed, cancellationToken);
            }
            catch (CliException e)
            {
                return Fail(console, e.Message, e.ExitCode);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return Fail(console, "cancelled", ExitCodes.Cancelled);
            }
            catch (RpcException e) when (TrustedCertificates.RefusedCertificate(e) is { } reason)
            {
                return Fail(console,
                    $"the TLS certificate of {context?.Connection.CurrentEndpoint} is not trusted ({reason}): give its CA or the certificate itself with --ca-file or {TrustedCertificates.FileVariable}",
                    ExitCodes.Unavailable);
            }
            catch (RpcException e) when (TrustedCertificates.FailedHandshake(e) is { } reason)
            {
                return Fail(console,
                    $"no TLS handshake with {context?.Connection.CurrentEndpoint} ({reason}): does it serve TLS? A silo in Development (`./ozg run`) serves http://",
                    ExitCodes.Unavailable);
            }
            catch (RpcException e) when (RpcErrors.IsHttp1Endpoint(e))
            {
                var endpoint = context?.Connection.CurrentEndpoint;
                return Fail(console,
                    $"{endpoint} is no gRPC endpoint: it speaks HTTP/1.1 only (a silo's operations endpoint, 8080, rather than its gRPC gateway, 5080?): give the gRPC port with --endpoint or {EndpointList.EndpointsVariable}",
                    ExitCodes.Usage);
            }
            catch (RpcException e)
            {
                return Fail(console, RpcErrors.Describe(e, context?.Connection.CurrentEndpoint ?? new Uri(EndpointList.DefaultEndpoint)), RpcErrors.ExitCodeOf(e.StatusCode));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail(console, "cancelled", ExitCodes.Cancelled);
            }
            finally
            {
                context?.Dispose();
            }
        });
        return command;
    }

    private static int Fail(CliConsole console, string message, int exitCode)
    {
        FailureLine.Write(console.Error, message);
        return exitCode;
    }
}

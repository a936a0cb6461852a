using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// A loopback TCP endpoint in front of a real one that drops its first connections at once (as a restarting silo
/// does) and forwards every later one: what a client that tries again sees as a short outage. <see cref="Cut"/> makes
/// the outage last (open connections end, new ones are dropped) until <see cref="Restore"/>.
/// </summary>
public sealed class FlakyForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private int _toDrop;
    private volatile bool _cut;

    public FlakyForwarder(Uri target, int dropFirst)
    {
        _target = target;
        _toDrop = dropFirst;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections were dropped so far.</summary>
    public int Dropped { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_cut || Interlocked.Decrement(ref _toDrop) >= 0)
            {
                Dropped++;
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    /// <summary>Ends every open connection and drops new ones, as a store that went away.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var client in _open.Keys)
        {
            try
            {
                client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
                // It ended by itself meanwhile.
            }

            client.Dispose();
        }
    }

    /// <summary>Forwards new connections again.</summary>
    public void Restore() => _cut = false;

    private async Task ForwardAsync(TcpClient client)
    {
        _open[client] = 0;
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side went away: the connection ends.
            }
            finally
            {
                _open.TryRemove(client, out _);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

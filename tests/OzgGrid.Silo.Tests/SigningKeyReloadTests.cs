using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Signing keys follow a rewritten settings file without a restart: a removed key stops working, an added one starts.</summary>
public sealed class SigningKeyReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    // Five bytes: a configuration that must not be used.
    private const string TooShortKey = "c2hvcnQ=";

    private readonly ClusterScope _scope = ClusterScope.CreateNew();
    private readonly string _settingsFile = Path.Combine(Path.GetTempPath(), $"ozggrid-keys-{Guid.NewGuid():N}.json");
    private readonly string _retiring = AuthOptions.NewKey();
    private readonly string _arriving = AuthOptions.NewKey();
    private TestHost? _host;

    public async Task InitializeAsync()
    {
        await WriteKeysAsync(_scope.Auth.SigningKeys[0], _retiring);
        _host = await TestHost.StartAsync(_scope, $"--{OzgGridHost.SettingsFileKey}={_settingsFile}");
    }

    [Fact]
    public async Task A_key_removed_from_the_settings_file_is_refused_and_an_added_one_honoured_without_a_restart()
    {
        var host = _host!;
        var retiring = host.ChannelWithToken(TokenSignedWith(_retiring));
        var arriving = host.ChannelWithToken(TokenSignedWith(_arriving));
        Assert.Equal(StatusCode.OK, await ReadAsync(retiring));
        Assert.Equal(StatusCode.Unauthenticated, await ReadAsync(arriving));

        await WriteKeysAsync(_scope.Auth.SigningKeys[0], _arriving);

        await Eventually.ReturnsAsync(() => ReadAsync(retiring), code => code == StatusCode.Unauthenticated, "the removed key refused", Within);
        await Eventually.ReturnsAsync(() => ReadAsync(arriving), code => code == StatusCode.OK, "the added key honoured", Within);
        Assert.Equal(StatusCode.OK, await ReadAsync(host.Channel));
    }

    [Fact]
    public async Task A_rewritten_settings_file_with_an_unusable_key_is_ignored_and_the_keys_stay_as_they_were()
    {
        var host = _host!;
        var retiring = host.ChannelWithToken(TokenSignedWith(_retiring));
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<AuthOptions>>();

        await WriteKeysAsync(_scope.Auth.SigningKeys[0], TooShortKey);

        await Eventually.ReturnsAsync(
            () => Task.FromResult(monitor.CurrentValue.SigningKeys.Contains(TooShortKey)), seen => seen, "the rewritten file read", Within);
        Assert.Equal(StatusCode.OK, await ReadAsync(retiring));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        File.Delete(_settingsFile);
    }

    private string TokenSignedWith(string key) => AccessTokens.Issue(
        new AuthOptions { Issuer = _scope.Auth.Issuer, SigningKeys = [key] }, "rotation", Roles.Monitoring, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    // Index 0 is also given on the command line; the file is read after it.
    private async Task WriteKeysAsync(params string[] keys)
    {
        var settings = new { OzgGrid = new { Auth = new { SigningKeys = keys } } };
        var temporary = _settingsFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(settings));
        File.Move(temporary, _settingsFile, overwrite: true);
    }

    private static Task<StatusCode> ReadAsync(Grpc.Net.Client.GrpcChannel channel) => CallStatus.OfAsync(() =>
        new ThemenfeldService.ThemenfeldServiceClient(channel).ListThemenfelderAsync(new ListThemenfelderRequest()).ResponseAsync);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OzgGrid.Silo.Tests.Processes;
using OzgGrid.Silo.Tokens;

namespace OzgGrid.Silo.Tests.Tokens;

/// <summary>`./ozg token` (the silo's issue-token): a token it prints must be one the silo accepts, so a lifetime it cannot give is refused.</summary>
public sealed class IssueTokenCommandTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public void A_lifetime_that_is_no_number_of_hours_above_0_and_within_the_maximum_is_refused_with_exit_code_2_and_no_token(string hours)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = IssueTokenCommand.Run(["--role", "monitoring", "--subject", "prometheus", "--hours", hours], output, error);

        Assert.True(exitCode == 2, $"exit {exitCode}, stdout: {output}, stderr: {error}");
        Assert.Equal("", output.ToString());
        Assert.StartsWith($"--hours {hours}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_signed_with_the_key_of_the_settings_file_the_silo_reads()
    {
        // Outside Development the signing key often comes from a mounted secret that OzgGrid:SettingsFile names; a token
        // signed with any other key would be refused by the silo it was issued for.
        var key = RandomNumberGenerator.GetBytes(32);
        var settings = Path.Combine(Path.GetTempPath(), $"ozggrid-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { OzgGrid = new { Auth = new { SigningKeys = new[] { Convert.ToBase64String(key) } } } }));
        try
        {
            var (exitCode, output) = await SiloProcess.RunToExitAsync(
                [IssueTokenCommand.Name, "--role", "monitoring", "--subject", "prometheus"], TimeSpan.FromSeconds(60),
                new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["OzgGrid__SettingsFile"] = settings });

            Assert.True(exitCode == 0, $"exit {exitCode}: {output}");
            var parts = output.Trim().Split('.');
            var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            Assert.Equal(Base64UrlEncoder.Encode(signature), parts[2]);
        }
        finally
        {
            File.Delete(settings);
        }
    }
}

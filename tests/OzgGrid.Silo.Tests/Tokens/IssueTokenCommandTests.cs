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
}

using System.Security.Cryptography;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Tests.Identity;

public sealed class AuthOptionsTests
{
    [Fact]
    public void Options_without_a_key_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AuthOptions().EnsureUsable(isDevelopment: true));

        Assert.Contains("SigningKeys is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_refused()
    {
        var options = new AuthOptions { SigningKeys = ["not base64 at all!"] };

        var error = Assert.Throws<InvalidOperationException>(() => options.EnsureUsable(isDevelopment: true));

        Assert.Contains("not base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_16_bytes_is_refused()
    {
        var options = new AuthOptions { SigningKeys = [Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))] };

        var error = Assert.Throws<InvalidOperationException>(() => options.EnsureUsable(isDevelopment: true));

        Assert.Contains("16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_behind_a_good_one_is_refused_too()
    {
        var options = new AuthOptions { SigningKeys = [AuthOptions.NewKey(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(31))] };

        Assert.Throws<InvalidOperationException>(() => options.EnsureUsable(isDevelopment: false));
    }

    [Fact]
    public void The_development_key_outside_development_is_refused()
    {
        var options = new AuthOptions { SigningKeys = [AuthOptions.NewKey(), AuthOptions.DevelopmentKey] };

        var error = Assert.Throws<InvalidOperationException>(() => options.EnsureUsable(isDevelopment: false));

        Assert.StartsWith("Refusing to start", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Configuration taken from a file or variable easily carries a line break; base64 decoding ignores it.</summary>
    [Theory]
    [InlineData("\n")]
    [InlineData(" ")]
    public void The_development_key_with_whitespace_around_it_outside_development_is_refused(string whitespace)
    {
        var options = new AuthOptions { SigningKeys = [AuthOptions.DevelopmentKey + whitespace] };
        Assert.Equal(Convert.FromBase64String(AuthOptions.DevelopmentKey), Convert.FromBase64String(options.SigningKeys[0]));

        var error = Record.Exception(() => options.EnsureUsable(isDevelopment: false));

        Assert.True(error is InvalidOperationException, "The public development key, followed by whitespace, was accepted outside Development.");
        Assert.StartsWith("Refusing to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_key_in_development_is_fine()
    {
        var options = new AuthOptions { SigningKeys = [AuthOptions.DevelopmentKey] };

        options.EnsureUsable(isDevelopment: true);
    }

    [Fact]
    public void A_fresh_key_outside_development_is_fine()
    {
        var options = new AuthOptions { SigningKeys = [AuthOptions.NewKey()] };

        options.EnsureUsable(isDevelopment: false);
    }
}

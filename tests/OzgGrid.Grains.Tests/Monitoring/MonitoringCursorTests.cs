using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

public sealed class MonitoringCursorTests
{
    [Fact]
    public void A_cursor_reads_as_epoch_dot_sequence()
    {
        Assert.Equal("7.12345", new MonitoringCursor(7, 12345).ToString());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 12345)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void A_cursor_parses_back_from_its_text(long epoch, long sequence)
    {
        var cursor = new MonitoringCursor(epoch, sequence);

        Assert.True(MonitoringCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("7.")]
    [InlineData(".7")]
    [InlineData("7.1.2")]
    [InlineData("a.b")]
    [InlineData("-1.2")]
    [InlineData("1.-2")]
    [InlineData("+1.2")]
    [InlineData(" 1.2")]
    [InlineData("1.2 ")]
    [InlineData("1,2")]
    [InlineData("0x1.2")]
    [InlineData("99999999999999999999.1")]
    public void Text_that_is_not_a_cursor_is_refused(string? text)
    {
        Assert.False(MonitoringCursor.TryParse(text, out _));
    }
}

using System.Buffers.Text;
using System.Text;
using Grpc.Core;
using OzgGrid.Gateway.Validation;

namespace OzgGrid.Gateway.Tests.Validation;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("leistungen", 0)]
    [InlineData("leistungen", 10_042)]
    [InlineData("changes-10000", 17)]
    [InlineData("changes-10000", long.MaxValue)]
    public void A_token_decodes_to_the_cursor_it_was_made_from(string list, long cursor)
    {
        var token = PageToken.Encode(list, cursor);

        Assert.Equal(cursor, PageToken.Decode(token, list));
    }

    [Fact]
    public void A_token_does_not_show_its_cursor_in_plain_text()
    {
        var token = PageToken.Encode("leistungen", 10_042);

        Assert.DoesNotContain("10042", token, StringComparison.Ordinal);
        Assert.DoesNotContain("leistungen", token, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_token_asks_for_the_first_page()
    {
        Assert.Null(PageToken.Decode(string.Empty, "leistungen"));
    }

    [Theory]
    [InlineData("changes-10000", "changes-10001")]
    [InlineData("changes-1", "changes-10")]
    [InlineData("changes-10", "changes-1")]
    [InlineData("leistungen", "changes-10000")]
    public void A_token_of_another_list_is_refused(string madeFor, string usedFor)
    {
        var token = PageToken.Encode(madeFor, 5);

        var error = Assert.Throws<RpcException>(() => PageToken.Decode(token, usedFor));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("not a token")]
    [InlineData("bGVpc3R1bmdlbg")]
    [InlineData("=")]
    public void A_garbage_token_is_refused(string token)
    {
        var error = Assert.Throws<RpcException>(() => PageToken.Decode(token, "leistungen"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_of_the_right_list_without_a_number_is_refused()
    {
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("leistungen:zehn"));

        var error = Assert.Throws<RpcException>(() => PageToken.Decode(token, "leistungen", "cursor"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("cursor: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1)]
    public void A_token_with_a_negative_cursor_is_refused(long cursor)
    {
        var token = PageToken.Encode("changes-10000", cursor);

        var error = Assert.Throws<RpcException>(() => PageToken.Decode(token, "changes-10000"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token: ", error.Status.Detail, StringComparison.Ordinal);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using OzgGrid.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// Every ozgctl command line README.md shows (<c>./ozg ctl …</c> or <c>ozgctl …</c> at the start of a line in a code
/// block) is one ozgctl parses: its command, options and values exist as written.
/// </summary>
public sealed partial class ReadmeOzgctlExamplesTests
{
    [Fact]
    public void Every_ozgctl_command_line_in_the_readme_parses()
    {
        var examples = CodeBlocks().Matches(Repository.Readme)
            .SelectMany(block => CommandLines().Matches(block.Groups["code"].Value))
            .Select(line => Arguments(line.Groups["arguments"].Value))
            .Where(arguments => arguments.Count > 0)
            .ToList();
        Assert.True(examples.Count >= 15, $"README shows {examples.Count} ozgctl command lines");

        var root = OzgCtl.CreateRoot(new CliConsole(CliConsole.PlainText(new CapturedWriter()), new CapturedWriter(), _ => null));
        foreach (var arguments in examples)
        {
            var parsed = root.Parse(arguments);
            Assert.True(parsed.Errors.Count == 0, $"ozgctl {string.Join(' ', arguments)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.NotSame(root, parsed.CommandResult.Command);
        }
    }

    [Theory]
    [InlineData("leistungen show 10000 -o json           # the whole Leistung", new[] { "leistungen", "show", "10000", "-o", "json" })]
    [InlineData("onlinedienst register x --name \"Kita-Portal SH\" --url u", new[] { "onlinedienst", "register", "x", "--name", "Kita-Portal SH", "--url", "u" })]
    [InlineData("cluster", new[] { "cluster" })]
    public void A_command_line_is_split_as_the_shell_splits_it(string line, string[] expected) =>
        Assert.Equal(expected, Arguments(line));

    /// <summary>The words of a command line as the shell gives them (double quotes group, a comment ends the line).</summary>
    private static List<string> Arguments(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && character == '#')
            {
                break;
            }
            else if (!quoted && char.IsWhiteSpace(character))
            {
                Flush();
            }
            else
            {
                word.Append(character);
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    [GeneratedRegex(@"^```\w*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex(@"^(?:\./ozg ctl|ozgctl)(?<arguments>(?: .*)?)$", RegexOptions.Multiline)]
    private static partial Regex CommandLines();
}

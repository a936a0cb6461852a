using System.Text;
using System.Text.RegularExpressions;
using OzgGrid.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// Keeps ozgctl level with the programme page: every API path the page's JavaScript reads (its <c>getJson</c> calls and
/// its event stream) has an ozgctl command that shows the same data through the public gRPC API. A new read of the page
/// without a command in <see cref="CommandFor"/> fails here.
/// </summary>
public sealed partial class ProgrammePageApiCoverageTests
{
    /// <summary>
    /// Per API path of the page (below /programm/api, each variable part as {}), the ozgctl command(s) showing the same.
    /// The gateway read behind each is named for the reader.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[][]> CommandFor = new Dictionary<string, string[][]>
    {
        // GetProgrammeFigures: the Themenfelder and Länder with their figures (the page's map).
        ["/kennzahlen"] = [["laender"], ["themenfelder", "list"]],
        // GetProgress.
        ["/verlauf"] = [["verlauf"]],
        // ListUeberfaelligeLeistungen.
        ["/ueberfaellig"] = [["ueberfaellig"]],
        // GetLeistung: the record, its status and its milestones.
        ["/leistungen/{}"] = [["leistungen", "show", "10000"]],
        // ListLeistungChanges.
        ["/leistungen/{}/aenderungen"] = [["leistungen", "history", "10000"]],
        // ListLeistungOnlinedienste.
        ["/leistungen/{}/onlinedienste"] = [["onlinedienst", "list", "--leistung", "10000"]],
        // GetLeistungReifegradBlocker: criteria and Basiskomponenten per pair.
        ["/leistungen/{}/blocker"] = [["reifegrad", "blockers", "--leistung", "10000", "--modell", "2.0", "--zielstufe", "4"]],
        // ListLeistungen with a Land.
        ["/laender/{}/leistungen"] = [["leistungen", "list", "--land", "NW"]],
        // ListKreise.
        ["/laender/{}/kreise"] = [["kommunen", "kreise", "NW"]],
        // ListKommunen with a Kreis.
        ["/laender/{}/kreise/{}/kommunen"] = [["kommunen", "list", "NW", "--kreis", "05315"]],
        // GetRollout (its counts).
        ["/leistungen/{}/laender/{}/rollout"] = [["leistungen", "rollout", "10000", "NW"]],
        // GetAnschlussPrognose.
        ["/leistungen/{}/laender/{}/prognose"] = [["anschluss", "prognose", "10000", "NW"]],
        // SucheLeistungen.
        ["/suche"] = [["suche", "Elterngeld"]],
        // WatchProgramme, as server-sent events.
        ["/ereignisse"] = [["watch"]],
    };

    private static string Sources => Path.Combine(Repository.Root, "services", "OzgGrid.Web", "frontend", "src");

    [Fact]
    public void Every_API_path_the_page_reads_has_an_ozgctl_command_and_every_listed_command_parses()
    {
        var fetched = PagePaths().ToHashSet(StringComparer.Ordinal);

        Assert.Contains("/leistungen/{}/laender/{}/rollout", fetched);
        Assert.Contains("/ereignisse", fetched);
        var missing = fetched.Where(path => !CommandFor.ContainsKey(path)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"the page reads these API paths, but no ozgctl command is listed for them: {string.Join(", ", missing)}");
        var stale = CommandFor.Keys.Where(path => !fetched.Contains(path)).ToList();
        Assert.True(stale.Count == 0, $"listed, but the page no longer reads them: {string.Join(", ", stale)}");

        var root = OzgCtl.CreateRoot(new CliConsole(CliConsole.PlainText(new CapturedWriter()), new CapturedWriter(), _ => null));
        foreach (var args in CommandFor.Values.SelectMany(commands => commands))
        {
            var parsed = root.Parse(args);
            Assert.True(parsed.Errors.Count == 0, $"ozgctl {string.Join(' ', args)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.NotSame(root, parsed.CommandResult.Command);
        }
    }

    [Fact]
    public void The_page_reads_only_through_getJson_and_its_event_stream()
    {
        // A fetch or EventSource elsewhere would be a read this test does not see.
        foreach (var file in Directory.EnumerateFiles(Sources, "*.js"))
        {
            var code = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            Assert.True(name == "dom.js" || !code.Contains("fetch(", StringComparison.Ordinal), $"{name} calls fetch itself");
            Assert.True(name == "stream.js" || !code.Contains("EventSource(", StringComparison.Ordinal), $"{name} opens an EventSource itself");
        }
    }

    [Theory]
    [InlineData("getJson(`/laender/${land}/kreise/${kreisAgs}/kommunen${pageToken ? `?seite=${encodeURIComponent(pageToken)}` : \"\"}`)", "/laender/{}/kreise/{}/kommunen")]
    [InlineData("const basis = `/leistungen/${ziel.ozgId}/laender/${ziel.land}`; getJson(`${basis}/rollout`)", "/leistungen/{}/laender/{}/rollout")]
    [InlineData("getJson(`/leistungen/${ozgId}/blocker?modell=${modell}&zielstufe=${zielstufe}`)", "/leistungen/{}/blocker")]
    [InlineData("getJson(\"/verlauf\")", "/verlauf")]
    [InlineData("watchProgramme(`${API}/ereignisse`, {", "/ereignisse")]
    public void Paths_are_read_from_the_calls_as_the_page_writes_them(string code, string path) =>
        Assert.Equal([path], PathsIn(code));

    /// <summary>The API paths of every page source.</summary>
    private static IEnumerable<string> PagePaths()
    {
        var files = Directory.EnumerateFiles(Sources, "*.js").ToList();
        Assert.NotEmpty(files);
        return files.SelectMany(file => PathsIn(File.ReadAllText(file)));
    }

    /// <summary>
    /// The first argument of each getJson(…) and watchProgramme(…) call, a string or template literal: a constant
    /// template it starts with (<c>${basis}</c>) put in, the query string left out, each other <c>${…}</c> as {}.
    /// </summary>
    private static IEnumerable<string> PathsIn(string code)
    {
        var constants = TemplateConstant().Matches(code).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["template"].Value);
        foreach (Match call in ReadCall().Matches(code))
        {
            var start = call.Index + call.Length;
            var quote = code[start];
            Assert.True(quote is '`' or '"' or '\'', $"a {call.Groups["fn"].Value} call with a computed path: {Excerpt(code, call.Index)}");
            var literal = quote == '`' ? Template(code, start + 1, out _) : code[(start + 1)..code.IndexOf(quote, start + 1)];
            yield return Normalise(literal, constants);
        }
    }

    private static string Normalise(string template, IReadOnlyDictionary<string, string> constants)
    {
        var path = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '?')
            {
                break;
            }

            if (template[i] == '$' && i + 1 < template.Length && template[i + 1] == '{')
            {
                var end = ClosingBrace(template, i + 2);
                var expression = template[(i + 2)..end].Trim();
                i = end;
                if (expression == "API")
                {
                    continue;
                }

                if (constants.TryGetValue(expression, out var constant))
                {
                    path.Append(Normalise(constant, constants));
                }
                else if (!expression.Contains('?', StringComparison.Ordinal))
                {
                    // A conditional part (`${token ? `?seite=…` : ""}`) is a query string; anything else a path segment.
                    path.Append("{}");
                }

                continue;
            }

            path.Append(template[i]);
        }

        return path.ToString();
    }

    /// <summary>A template literal's text from <paramref name="start"/> (after its backtick) to its closing backtick.</summary>
    private static string Template(string code, int start, out int end)
    {
        var i = start;
        while (code[i] != '`')
        {
            i = code[i] == '$' && code[i + 1] == '{' ? ClosingBrace(code, i + 2) + 1 : i + 1;
        }

        end = i;
        return code[start..i];
    }

    /// <summary>The index of the brace closing a <c>${</c> whose expression starts at <paramref name="start"/>; nested templates skipped.</summary>
    private static int ClosingBrace(string code, int start)
    {
        var depth = 0;
        for (var i = start; ; i++)
        {
            switch (code[i])
            {
                case '`':
                    Template(code, i + 1, out i);
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }
    }

    private static string Excerpt(string code, int index) => code.Substring(index, Math.Min(80, code.Length - index));

    // Calls, not the functions' own definitions (in dom.js and stream.js).
    [GeneratedRegex(@"(?<!function\s+)\b(?<fn>getJson|watchProgramme)\(\s*")]
    private static partial Regex ReadCall();

    [GeneratedRegex(@"\bconst\s+(?<name>\w+)\s*=\s*`(?<template>[^`]*)`")]
    private static partial Regex TemplateConstant();
}

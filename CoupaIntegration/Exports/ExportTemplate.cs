using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace CoupaIntegration.Exports;

/// <summary>
/// A Liquid mapping from an annotation to Coupa's invoice JSON. Each template line is tagged with an invisible
/// marker before parsing, so when the output is not valid JSON the error names the template line that wrote the
/// offending text, not a line of the output nobody sees.
/// </summary>
public sealed class ExportTemplate
{
    private const char MarkStart = '\u001F';
    private const char MarkEnd = '\u001E';

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().Build();

    private readonly IFluidTemplate _template;

    private ExportTemplate(string name, IFluidTemplate template)
    {
        Name = name;
        _template = template;
    }

    /// <summary>Where the template came from, for messages: <c>settings.export_template</c> or a built-in default's name.</summary>
    public string Name { get; }

    public static ExportTemplate Parse(string name, string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        if (!Parser.TryParse(Mark(lines), out var template, out var error))
            throw new ExportTemplateException($"Mapping template {name} does not parse: {Clean(error)}", LineOf(error));
        return new ExportTemplate(name, template);
    }

    public async Task<JsonObject> RenderAsync(JsonObject model)
    {
        var context = new TemplateContext(model, Options);
        string output;
        try
        {
            output = await _template.RenderAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ExportTemplateException($"Mapping template {Name} failed to render: {Clean(e.Message)}");
        }
        var (json, lineAt) = Unmark(output);
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new ExportTemplateException($"Mapping template {Name} must render a JSON object.");
        }
        catch (JsonException e)
        {
            var offset = OffsetOf(json, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            // A missing comma or brace shows at the next token, often on the next line: name the line of the text before it.
            var culprit = offset;
            while (culprit > 0 && char.IsWhiteSpace(json[culprit - 1])) culprit--;
            var line = lineAt(Math.Max(0, culprit - 1));
            var near = json.Substring(Math.Max(0, offset - 30), Math.Min(60, json.Length - Math.Max(0, offset - 30))).ReplaceLineEndings(" ").Trim();
            throw new ExportTemplateException(
                $"Mapping template {Name} did not render valid JSON: the output written by template line {line} is invalid near '{near}'.", line);
        }
    }

    /// <summary>Appends "mark(n)" to each line n that does not end inside an open tag or output.</summary>
    private static string Mark(string[] lines)
    {
        var text = new StringBuilder();
        var open = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            open += Count(line, "{{") + Count(line, "{%") - Count(line, "}}") - Count(line, "%}");
            text.Append(line);
            if (open <= 0)
            {
                open = 0;
                text.Append(MarkStart).Append(i + 1).Append(MarkEnd);
            }
            if (i < lines.Length - 1) text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The output without markers, and a lookup from a character index in it to the template line that wrote it.</summary>
    private static (string Json, Func<int, int> LineAt) Unmark(string output)
    {
        var json = new StringBuilder(output.Length);
        var ends = new List<(int End, int Line)>();
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] != MarkStart)
            {
                json.Append(output[i]);
                continue;
            }
            var close = output.IndexOf(MarkEnd, i);
            ends.Add((json.Length, int.Parse(output.AsSpan(i + 1, close - i - 1))));
            i = close;
        }
        return (json.ToString(), index =>
        {
            foreach (var (end, line) in ends)
                if (index < end) return line;
            return ends.Count > 0 ? ends[^1].Line : 1;
        });
    }

    private static int OffsetOf(string text, int line, int bytePosition)
    {
        var start = 0;
        for (var l = 0; l < line && start < text.Length; l++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0) break;
            start = next + 1;
        }
        var end = text.IndexOf('\n', start);
        var lineText = end < 0 ? text[start..] : text[start..end];
        var bytes = Encoding.UTF8.GetBytes(lineText);
        return start + Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length));
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Clean(string message)
    {
        var text = new StringBuilder();
        var skipping = false;
        foreach (var c in message)
        {
            if (c == MarkStart) skipping = true;
            else if (c == MarkEnd) skipping = false;
            else if (!skipping) text.Append(c);
        }
        return text.ToString();
    }

    private static int? LineOf(string error)
    {
        // Fluid reports "(line:3, col:7)"; markers add no newlines, so the line is the template's.
        var at = error.IndexOf("line:", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var digits = new string(error.Skip(at + 5).SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, out var line) ? line : null;
    }
}

using System.Text.RegularExpressions;

namespace Ferry.Benchmarks.TransferPath;

/// <summary>Which file under src/ declares a type (namespace-qualified; a partial type maps to the file named after it).</summary>
public sealed partial class SourceFiles
{
    private readonly Dictionary<string, string> _byType = new(StringComparer.Ordinal);

    public static SourceFiles Index(string sourceRoot)
    {
        var index = new SourceFiles();
        foreach (var path in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceRoot, path).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(path);
            var ns = FileNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value + "." : "";
            foreach (Match declaration in TypeDeclaration().Matches(text))
            {
                var name = ns + declaration.Groups["name"].Value;
                var named = Path.GetFileNameWithoutExtension(path) == declaration.Groups["name"].Value;
                if (!index._byType.ContainsKey(name) || named) index._byType[name] = relative;
            }
        }
        return index;
    }

    public string? Find(string type) => _byType.GetValueOrDefault(type);

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:class\s+|struct\s+)?(?<name>\w+)")]
    private static partial Regex TypeDeclaration();
}

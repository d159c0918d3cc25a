using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Ferry.Observability.Tests;

/// <summary>
/// What a library package tells a debugger and nuget.org about its sources. The repository (the build files and
/// Ferry.Core, as they are in the working tree) is copied into a fresh git repository whose <c>origin</c> is a stand-in
/// GitHub address, and Ferry.Core is packed there as CI packs it (CI=true): the nuspec names the repository and the
/// commit, and the PDB in the symbol package maps every source to that commit on raw.githubusercontent.com. Without a
/// public remote (this repository today) the same pack is clean: no warning, no address.
/// </summary>
public sealed class PackageSourceLinkTests : IDisposable
{
    // A stand-in for the repository's public address: SourceLink reads whatever `origin` says.
    private const string StandInRemote = "https://github.com/example-org/ferry";
    private static readonly Guid SourceLinkKind = new("cc110556-a091-4d38-9fec-25ab9a351a6a");
    private static readonly Guid EmbeddedSourceKind = new("0e8a571b-6926-466e-b4ad-8ab04611f5fe");
    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-sourcelink-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_package_packed_in_ci_names_its_repository_and_commit_and_its_pdb_links_every_source_to_that_commit()
    {
        var repository = await CopyRepositoryAsync();
        await GitAsync(repository, "remote", "add", "origin", StandInRemote);
        var commit = (await GitAsync(repository, "rev-parse", "HEAD")).Trim();

        var (package, symbols, _) = await PackCoreAsync(repository);

        var metadata = ReadRepositoryElement(package);
        Assert.Equal("git", (string?)metadata.Attribute("type"));
        Assert.Equal(StandInRemote, (string?)metadata.Attribute("url"));
        Assert.Equal(commit, (string?)metadata.Attribute("commit"));

        using var pdb = ReadPdb(symbols);
        var reader = pdb.GetMetadataReader();
        var sourceLink = Assert.Single(CustomDebugInformation(reader, EntityHandle.ModuleDefinition, SourceLinkKind));
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(sourceLink));
        var mapping = Assert.Single(json.RootElement.GetProperty("documents").EnumerateObject());
        Assert.Equal("/_/*", mapping.Name);
        Assert.Equal($"https://raw.githubusercontent.com/example-org/ferry/{commit}/*", mapping.Value.GetString());

        // Deterministic paths (ContinuousIntegrationBuild): every document sits under the mapped root, no build machine's
        // folder; the generated ones, with no address to link to, are embedded in the PDB.
        var documents = reader.Documents.Select(d => (Handle: d, Name: reader.GetString(reader.GetDocument(d).Name))).ToList();
        Assert.Contains(documents, d => d.Name == "/_/src/Ferry.Core/Outcomes/Outcome.cs");
        Assert.All(documents, d => Assert.StartsWith("/_/", d.Name, StringComparison.Ordinal));
        var generated = Assert.Single(documents, d => d.Name.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal));
        Assert.Single(CustomDebugInformation(reader, generated.Handle, EmbeddedSourceKind));
    }

    [Fact]
    public async Task Without_a_public_remote_the_package_packs_without_a_warning_and_names_no_address()
    {
        var repository = await CopyRepositoryAsync();
        var commit = (await GitAsync(repository, "rev-parse", "HEAD")).Trim();

        var (package, _, log) = await PackCoreAsync(repository);

        Assert.DoesNotContain("warning", log, StringComparison.OrdinalIgnoreCase);
        var metadata = ReadRepositoryElement(package);
        Assert.Null(metadata.Attribute("url"));
        Assert.Equal(commit, (string?)metadata.Attribute("commit"));
    }

    /// <summary>The files Ferry.Core's pack reads (root build files, src/'s rules, the project), from the working tree,
    /// committed into a new git repository with no remote.</summary>
    private async Task<string> CopyRepositoryAsync()
    {
        var root = RepositoryFolder.Root();
        var repository = Directory.CreateDirectory(Path.Combine(_folder, "repository")).FullName;
        foreach (var file in new[] { ".editorconfig", ".gitignore", "Directory.Build.props", "Directory.Packages.props", "global.json", "LICENSE", "README.md",
                     Path.Combine("src", "Directory.Build.props"), Path.Combine("src", "BannedSymbols.txt") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repository, file))!);
            File.Copy(Path.Combine(root, file), Path.Combine(repository, file));
        }

        var project = Path.Combine(root, "src", "Ferry.Core");
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue;
            var target = Path.Combine(repository, "src", "Ferry.Core", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await GitAsync(repository, "init", "--quiet");
        await GitAsync(repository, "add", "--all");
        await GitAsync(repository, "-c", "user.name=Ferry tests", "-c", "user.email=tests@ferry.invalid", "commit", "--quiet", "--message", "copy");
        return repository;
    }

    /// <summary>Packs Ferry.Core in Release as CI does (CI=true: ContinuousIntegrationBuild), from the packages already on
    /// this machine.</summary>
    private async Task<(string Package, string Symbols, string Log)> PackCoreAsync(string repository)
    {
        var output = Path.Combine(_folder, "packages");
        var (code, log) = await ChildProcess.RunAsync("dotnet",
            ["pack", Path.Combine(repository, "src", "Ferry.Core"), "-c", "Release", "-o", output, "-nologo", "--disable-build-servers"],
            TimeSpan.FromMinutes(15), new Dictionary<string, string> { ["CI"] = "true", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.True(code == 0, "dotnet pack failed: " + log);
        return (Assert.Single(Directory.GetFiles(output, "Ferry.Core.*.nupkg")), Assert.Single(Directory.GetFiles(output, "Ferry.Core.*.snupkg")), log);
    }

    private static XElement ReadRepositoryElement(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var nuspec = zip.GetEntry("Ferry.Core.nuspec")!.Open();
        var document = XDocument.Load(nuspec);
        return Assert.Single(document.Descendants(), e => e.Name.LocalName == "repository");
    }

    private static MetadataReaderProvider ReadPdb(string symbols)
    {
        using var zip = ZipFile.OpenRead(symbols);
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry("lib/net10.0/Ferry.Core.pdb")!.Open())
            entry.CopyTo(copy);
        copy.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(copy);
    }

    private static List<byte[]> CustomDebugInformation(MetadataReader reader, EntityHandle parent, Guid kind) =>
        reader.GetCustomDebugInformation(parent)
            .Select(reader.GetCustomDebugInformation)
            .Where(information => reader.GetGuid(information.Kind) == kind)
            .Select(information => reader.GetBlobBytes(information.Value))
            .ToList();

    private static async Task<string> GitAsync(string repository, params string[] arguments)
    {
        var (code, output) = await ChildProcess.RunAsync("git", arguments, TimeSpan.FromMinutes(1), workingDirectory: repository);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)} failed: {output}");
        return output;
    }
}
